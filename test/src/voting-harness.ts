import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import {
  InProcessEventBus,
  Role,
  signToken,
  startService,
  type Logger,
  type RunningService,
} from '@daena/platform';
import {
  createTestDatabase,
  freePort,
  graphql,
  silentLogger,
  testJwtSecret,
  type TestDatabase,
} from '@daena/testing';

export interface VotingHarness {
  gateway: RunningGateway;
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
  const database: TestDatabase = await createTestDatabase(name);
  const bus = new InProcessEventBus(log);
  const running: RunningService[] = [];
  try {
    const agents = await startService({
      ...createAgentsService({
        config: loadAgentsConfig({
          DATABASE_URL: database.url,
          AGENTS_ANSWER_VOTE_REQUESTS: 'false',
        }),
        log,
        bus,
        jwtSecret: testJwtSecret,
      }),
      port: 0,
    });
    running.push(agents);
    await agents.ready;
    const decisions = await startService({
      ...createDecisionsService({
        config: loadDecisionsConfig({ DATABASE_URL: database.url, AGENTS_URL: agents.url }),
        log,
        bus,
        jwtSecret: testJwtSecret,
      }),
      port: 0,
    });
    running.push(decisions);
    await decisions.ready;
    const gateway = await startGateway({
      config: loadGatewayConfig({
        PORT: String(await freePort()),
        AGENTS_URL: agents.url,
        DECISIONS_URL: decisions.url,
        RESPONSE_CACHE_MB: '0',
        AUDIT_ENABLED: 'false',
      }),
      log,
      bus,
      jwtSecret: testJwtSecret,
    });
    await gateway.ready;
    const close = async () => {
      await gateway.close();
      for (const service of running.reverse()) await service.close();
      await database.drop();
    };
    return { gateway, openProposal: (title) => openProposal(gateway.url, title), close };
  } catch (error) {
    for (const service of running.reverse()) await service.close();
    await database.drop();
    throw error;
  }
}

async function openProposal(url: string, title: string) {
  const admin = await signToken(testJwtSecret, { sub: 'harness-admin', roles: [Role.ADMIN] });
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
