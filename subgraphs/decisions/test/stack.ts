import {
  Events,
  InProcessEventBus,
  signToken,
  startService,
  type DomainEvent,
  type ProposalChanged,
  type RunningService,
  type TokenClaims,
  type VoteTallyChanged,
} from '@daena/platform';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  testJwtSecret,
  type TestDatabase,
} from '@daena/testing';
import pg from 'pg';
// eslint-disable-next-line no-restricted-imports -- tests only: decisions asks the real agents subgraph for stakeholders; no source is shared at runtime
import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { loadDecisionsConfig } from '../src/config.js';
import { createDecisionsService } from '../src/service.js';

export interface Department {
  id: string;
  slug: string;
  agentIds: string[];
}

/**
 * The real agents service and the decisions service on one throwaway database, with a bus whose
 * events the test can read, row counts straight from Postgres, and tokens for every role.
 */
export async function startStack(): Promise<Stack> {
  const database: TestDatabase = await createTestDatabase('decisions');
  const log = silentLogger();
  const bus = new InProcessEventBus(log);
  const running: RunningService[] = [];
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });

  const agents = await startService({
    ...createAgentsService({
      config: loadAgentsConfig({ PORT: '1', DATABASE_URL: database.url }),
      log,
      bus: new InProcessEventBus(log),
      jwtSecret: testJwtSecret,
    }),
    port: 0,
  });
  running.push(agents);
  await agents.ready;

  async function startDecisions(agentsUrl = agents.url): Promise<RunningService> {
    const config = loadDecisionsConfig({
      PORT: '1',
      DATABASE_URL: database.url,
      AGENTS_URL: agentsUrl,
    });
    const service = await startService({
      ...createDecisionsService({ config, log, bus, jwtSecret: testJwtSecret }),
      port: 0,
    });
    running.push(service);
    await service.ready;
    return service;
  }
  const decisions = await startDecisions();

  const events = {
    voteCast: [] as DomainEvent<VoteTallyChanged>[],
    proposalOpened: [] as DomainEvent<ProposalChanged>[],
    proposalClosed: [] as DomainEvent<ProposalChanged>[],
  };
  bus.subscribe(Events.voteCast, (event) => void events.voteCast.push(event));
  bus.subscribe(Events.proposalOpened, (event) => void events.proposalOpened.push(event));
  bus.subscribe(Events.proposalClosed, (event) => void events.proposalClosed.push(event));

  const organization = await graphql<{
    departments: { id: string; slug: string; agents: { id: string }[] }[];
  }>(agents.url, '{ departments { id slug agents { id } } }');
  const departments: Department[] = (organization.body.data?.departments ?? []).map((d) => ({
    id: d.id,
    slug: d.slug,
    agentIds: d.agents.map((a) => a.id),
  }));
  const department = (slug: string): Department => {
    const found = departments.find((d) => d.slug === slug);
    if (!found) throw new Error(`no department ${slug}`);
    return found;
  };

  const token = (claims: Omit<TokenClaims, 'sub'> & { sub?: string }) =>
    signToken(testJwtSecret, { sub: claims.sub ?? 'tester', ...claims });
  const tokens = {
    admin: await token({ sub: 'admin-1', roles: ['admin'] }),
    executive: await token({ sub: 'exec-1', roles: ['executive'] }),
    viewer: await token({ sub: 'viewer-1', roles: ['viewer'] }),
    lead: (slug: string) =>
      token({ sub: `lead-${slug}`, roles: ['department_lead'], department: slug }),
    agent: (agentId: string) => token({ sub: agentId, roles: ['agent'] }),
  };

  return {
    database,
    agents,
    decisions,
    departments,
    department,
    events,
    tokens,
    startDecisions,
    call: <T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      bearer?: string,
    ) => graphql<T>(decisions.url, query, variables, bearer),
    sql: async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
      (await sql.query<T>(text, values)).rows,
    counts: async () => {
      const [row] = (
        await sql.query<Record<string, string>>(`
          select (select count(*) from decisions.proposals) as proposals,
                 (select count(*) from decisions.proposal_stakeholders) as stakeholders,
                 (select count(*) from decisions.votes) as votes,
                 (select count(*) from decisions.vote_history) as history`)
      ).rows;
      return {
        proposals: Number(row?.['proposals']),
        stakeholders: Number(row?.['stakeholders']),
        votes: Number(row?.['votes']),
        history: Number(row?.['history']),
      };
    },
    close: async () => {
      await Promise.all(running.reverse().map((service) => service.close()));
      await sql.end();
      await bus.close();
      await database.drop();
    },
  };
}

type GraphQLResult<T> = Awaited<ReturnType<typeof graphql<T>>>;

export interface Stack {
  database: TestDatabase;
  agents: RunningService;
  decisions: RunningService;
  departments: Department[];
  department(slug: string): Department;
  events: {
    voteCast: DomainEvent<VoteTallyChanged>[];
    proposalOpened: DomainEvent<ProposalChanged>[];
    proposalClosed: DomainEvent<ProposalChanged>[];
  };
  tokens: {
    admin: string;
    executive: string;
    viewer: string;
    lead(slug: string): Promise<string>;
    agent(agentId: string): Promise<string>;
  };
  /** Starts another decisions service on the same database, e.g. with an unreachable agents URL. */
  startDecisions(agentsUrl?: string): Promise<RunningService>;
  /** A GraphQL call to the decisions service. */
  call<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    bearer?: string,
  ): Promise<GraphQLResult<T>>;
  /** Raw SQL on the test database, for arranging what no API offers. */
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** How many rows each decisions table holds: proof that a refused call wrote nothing. */
  counts(): Promise<Record<'proposals' | 'stakeholders' | 'votes' | 'history', number>>;
  close(): Promise<void>;
}
