import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import type { RunningService } from '@daena/platform';
import { freePort, testStack } from '@daena/testing';

export interface GatewayHarness {
  gateway: RunningGateway;
  agents: RunningService;
  close(): Promise<void>;
}

/**
 * The agents subgraph and a gateway in front of it, in this process on one in-process bus: enough
 * for tests of the public endpoint itself (limits, modes, GraphQL over HTTP).
 */
export async function startGatewayHarness(
  name: string,
  gatewayEnv: Record<string, string> = {},
): Promise<GatewayHarness> {
  const stack = await testStack(name);
  return stack.closeOnFailure(async () => {
    const agents = await stack.start(
      createAgentsService({
        config: loadAgentsConfig({
          DATABASE_URL: stack.database.url,
          AGENTS_ANSWER_VOTE_REQUESTS: 'false',
        }),
        ...stack.dependencies,
      }),
    );
    const gateway = stack.track(
      await startGateway({
        config: loadGatewayConfig({
          PORT: String(await freePort()),
          AGENTS_URL: agents.url,
          RESPONSE_CACHE_MB: '0',
          // No metrics subgraph here to keep the trail (gateway/test/audit-log.test.ts covers it).
          AUDIT_ENABLED: 'false',
          ...gatewayEnv,
        }),
        ...stack.dependencies,
      }),
    );
    await gateway.ready;
    return { gateway, agents, close: stack.close };
  });
}
