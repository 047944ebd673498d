import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import { Role, type Logger } from '@daena/platform';
import { freePort, graphql, silentLogger, testStack, testToken } from '@daena/testing';

export interface VotingHarness {
  /** The gateway now running (a new one after `restartGateway`). */
  readonly gateway: RunningGateway;
  /** The decisions subgraph itself, reachable while the gateway is down. */
  decisionsUrl: string;
  /** Stops the gateway and starts a new one on the same port (the subgraphs keep running). */
  restartGateway(): Promise<void>;
  /** Opens a cross-department proposal (blind round 1); returns its id and stakeholder agents. */
  openProposal(title: string): Promise<{ id: string; stakeholders: string[] }>;
  close(): Promise<void>;
}

/**
 * The agents and decisions subgraphs and a gateway in front of them, in this process on one
 * in-process bus and one throwaway database: enough for live voting (voteTally, proposalUpdates)
 * through the real subscription bridge. Nobody answers vote requests: votes are the test's.
 */
export async function startVotingHarness(
  name: string,
  log: Logger = silentLogger(),
): Promise<VotingHarness> {
  const stack = await testStack(name, { log });
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
    const decisions = await stack.start(
      createDecisionsService({
        config: loadDecisionsConfig({ DATABASE_URL: stack.database.url, AGENTS_URL: agents.url }),
        ...stack.dependencies,
      }),
    );
    // One config, so a restarted gateway comes back on the same port.
    const config = loadGatewayConfig({
      PORT: String(await freePort()),
      AGENTS_URL: agents.url,
      DECISIONS_URL: decisions.url,
      RESPONSE_CACHE_MB: '0',
      AUDIT_ENABLED: 'false',
    });
    const startOne = async () => {
      const started = stack.track(await startGateway({ config, ...stack.dependencies }));
      await started.ready;
      return started;
    };
    let gateway = await startOne();
    return {
      get gateway() {
        return gateway;
      },
      decisionsUrl: decisions.url,
      async restartGateway() {
        await stack.stop(gateway);
        gateway = await startOne();
      },
      openProposal: (title) => openProposal(gateway.url, title),
      close: stack.close,
    };
  });
}

async function openProposal(url: string, title: string) {
  const admin = await testToken({ sub: 'harness-admin', roles: [Role.ADMIN] });
  const org = await graphql<{ departments: { id: string }[] }>(url, '{ departments { id } }');
  const departments = org.body.data?.departments ?? [];
  const opened = await graphql<{
    openProposal: { id: string; stakeholders: { agent: { id: string } }[] };
  }>(
    url,
    'mutation ($input: OpenProposalInput!) { openProposal(input: $input) { id stakeholders { agent { id } } } }',
    {
      input: {
        title,
        departmentId: departments[0]?.id,
        affectedDepartmentIds: departments.map((department) => department.id),
        kind: 'CROSS_DEPARTMENT',
      },
    },
    admin,
  );
  const proposal = opened.body.data?.openProposal;
  if (!proposal) throw new Error(`openProposal failed: ${JSON.stringify(opened.body.errors)}`);
  return { id: proposal.id, stakeholders: proposal.stakeholders.map((s) => s.agent.id) };
}
