import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import { PgBossJobQueue, type EventBus, type Logger, type RunningService } from '@daena/platform';
import { freePort, testStack } from '@daena/testing';

export interface GatewayHarness {
  /** The gateway now running (a new one after `restartGateway`). */
  readonly gateway: RunningGateway;
  agents: RunningService;
  /** The decisions subgraph, when asked for: reachable while the gateway is down. */
  decisions: RunningService | undefined;
  /** Stops the gateway and starts a new one on the same port (the subgraphs keep running). */
  restartGateway(): Promise<void>;
  close(): Promise<void>;
}

export interface GatewayHarnessOptions {
  /** Gateway variables on top of the harness's (no response cache, no audit trail). */
  gatewayEnv?: Record<string, string>;
  /** Starts the decisions subgraph too (live voting). */
  withDecisions?: boolean;
  /** Decisions variables on top of the harness's. */
  decisionsEnv?: Record<string, string>;
  /** Gives agents a job queue on the stack's database: its agents run tasks (the autonomy engine). */
  agentsRunTasks?: boolean;
  /** The bus every service here uses (e.g. Redis, to reach gateways in other processes). */
  bus?: EventBus;
  log?: Logger;
}

/**
 * The agents subgraph (and decisions, when asked) and a gateway in front of them, in this process
 * on one in-process bus and one throwaway database: enough for tests of the public endpoint itself
 * (limits, modes, GraphQL over HTTP) and of live voting through the real subscription bridge.
 * Nobody answers vote requests: votes are the test's.
 */
export async function startGatewayHarness(
  name: string,
  options: GatewayHarnessOptions = {},
): Promise<GatewayHarness> {
  const stack = await testStack(name, options.log ? { log: options.log } : {});
  const dependencies = { ...stack.dependencies, ...(options.bus ? { bus: options.bus } : {}) };
  return stack.closeOnFailure(async () => {
    const decisionsPort = await freePort();
    const jobs = options.agentsRunTasks
      ? new PgBossJobQueue({ url: stack.database.url, log: stack.log, pollingIntervalSeconds: 0.5 })
      : undefined;
    const agents = await stack.start(
      createAgentsService({
        config: loadAgentsConfig({
          DATABASE_URL: stack.database.url,
          AGENTS_ANSWER_VOTE_REQUESTS: 'false',
          // Decisions starts on this port below; agents call it only when a task escalates.
          DECISIONS_URL: `http://127.0.0.1:${decisionsPort}/graphql`,
        }),
        ...dependencies,
        ...(jobs ? { jobs } : {}),
      }),
    );
    const decisions = options.withDecisions
      ? await stack.start(
          createDecisionsService({
            config: loadDecisionsConfig({
              DATABASE_URL: stack.database.url,
              AGENTS_URL: agents.url,
              ...options.decisionsEnv,
            }),
            ...dependencies,
          }),
          decisionsPort,
        )
      : undefined;
    // One config, so a restarted gateway comes back on the same port.
    const config = loadGatewayConfig({
      PORT: String(await freePort()),
      AGENTS_URL: agents.url,
      ...(decisions ? { DECISIONS_URL: decisions.url } : {}),
      RESPONSE_CACHE_MB: '0',
      // No metrics subgraph here to keep the trail (gateway/test/audit-log.test.ts covers it).
      AUDIT_ENABLED: 'false',
      ...options.gatewayEnv,
    });
    const startOne = async () => {
      const started = stack.track(await startGateway({ config, ...dependencies }));
      await started.ready;
      return started;
    };
    let gateway = await startOne();
    return {
      get gateway() {
        return gateway;
      },
      agents,
      decisions,
      async restartGateway() {
        await stack.stop(gateway);
        gateway = await startOne();
      },
      close: stack.close,
    };
  });
}
