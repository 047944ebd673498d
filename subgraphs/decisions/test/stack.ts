import {
  createLogger,
  InProcessEventBus,
  PgBossJobQueue,
  type DomainEvent,
  type EventBus,
  type RunningService,
} from '@daena/platform';
import {
  Events,
  type OutcomeRecorded,
  type ProposalChanged,
  type ProposalTransitioned,
  type RoundComplete,
  type VoteTallyChanged,
} from '@daena/contracts';
import { graphql, silentLogger, testPool, testStack, type TestDatabase } from '@daena/testing';
import pg from 'pg';
// eslint-disable-next-line no-restricted-imports -- tests only: decisions asks the real agents subgraph for stakeholders; no source is shared at runtime
import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { loadDecisionsConfig } from '../src/config.js';
import { closeCompletedRound, type CompleteResult } from '../src/operations/round-complete.js';
import { systemPrincipal } from '../src/operations/system-principal.js';
import { createDecisionsContext } from '../src/request/context.js';
import { createDecisionsService } from '../src/service.js';
import { HttpAgentsDirectory } from '../src/store/agents-directory.js';
import { createDecisionsStore } from '../src/store/decisions-store.js';

export interface Department {
  id: string;
  slug: string;
  agentIds: string[];
  agents: { id: string; role: string }[];
  neighborIds: string[];
}

/**
 * The real agents service and the decisions service on one throwaway database, with a bus whose
 * events the test can read, the real job queue (pg-boss on the same database: decisions sends vote
 * requests and works round deadlines), row counts straight from Postgres, and tokens for every role.
 */
export async function startStack(): Promise<Stack> {
  const log = process.env['STACK_LOG'] ? createLogger('test', 'error') : silentLogger();
  const stack = await testStack('decisions', { log });
  return stack.closeOnFailure(async () => {
    const { database, bus } = stack;
    const sql = testPool(database.url);
    stack.defer(() => sql.end());
    // Fast polling so a round deadline is worked within a second of coming due.
    const jobs = new PgBossJobQueue({ url: database.url, log, pollingIntervalSeconds: 0.5 });
    stack.defer(() => jobs.stop());

    const agents = await stack.start(
      createAgentsService({
        config: loadAgentsConfig({ PORT: '1', DATABASE_URL: database.url }),
        // A bus of its own, as if in its own process: the test's bus carries decisions' events.
        ...stack.dependencies,
        bus: stack.track(new InProcessEventBus(log)),
      }),
    );
    const startDecisions = (agentsUrl = agents.url, withJobs = false) =>
      stack.start(
        createDecisionsService({
          config: loadDecisionsConfig({
            PORT: '1',
            DATABASE_URL: database.url,
            AGENTS_URL: agentsUrl,
          }),
          ...stack.dependencies,
          ...(withJobs ? { jobs } : {}),
        }),
      );
    const decisions = await startDecisions(agents.url, true);
    const events = recordEvents(bus);
    const departments = await departmentsOf(agents.url);

    // The operations' own store, for calling an operation directly (as a job worker of another
    // replica would), e.g. several round closes at once.
    const operationsStore = stack.track(createDecisionsStore({ url: database.url, log }));
    await operationsStore.connect();
    const runtime = {
      agents: new HttpAgentsDirectory({ url: agents.url, timeoutMs: 5_000, log }),
      bus,
      log,
      jobs,
      now: () => new Date(),
      roundSeconds: 3_600,
      roundCloseBackstopSeconds: 10,
      executiveVoteAccuracy: 0.8,
      threshold: {},
    };

    return {
      database,
      jobs,
      agents,
      decisions,
      departments,
      department: (slug) => {
        const found = departments.find((d) => d.slug === slug);
        if (!found) throw new Error(`no department ${slug}`);
        return found;
      },
      events,
      tokens: {
        admin: await stack.token({ sub: 'admin-1', roles: ['admin'] }),
        executive: await stack.token({ sub: 'exec-1', roles: ['executive'] }),
        executiveNamed: (sub) => stack.token({ sub, roles: ['executive'] }),
        viewer: await stack.token({ sub: 'viewer-1', roles: ['viewer'] }),
        lead: (slug) =>
          stack.token({ sub: `lead-${slug}`, roles: ['department_lead'], department: slug }),
        agent: (agentId) => stack.token({ sub: agentId, roles: ['agent'] }),
      },
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
                   (select count(*) from decisions.vote_history) as history,
                   (select count(*) from decisions.voting_rounds) as rounds,
                   (select count(*) from decisions.proposal_transitions) as transitions,
                   (select count(*) from decisions.proposal_outcomes) as outcomes`)
        ).rows;
        return Object.fromEntries(
          Object.entries(row ?? {}).map(([table, n]) => [table, Number(n)]),
        ) as Record<CountedTable, number>;
      },
      jobsOf: async (queue, proposalId) =>
        (
          await sql.query<{ data: Record<string, unknown>; state: string }>(
            `select data, state from pgboss.job where name = $1 and data->>'proposalId' = $2`,
            [queue, proposalId],
          )
        ).rows,
      closeCompletedRound: (job) =>
        closeCompletedRound(
          createDecisionsContext(systemPrincipal, operationsStore.fork(), runtime),
          job,
        ),
      close: stack.close,
    };
  });
}

/** Every proposal, vote and outcome event decisions publishes on `bus`, by kind and in order. */
function recordEvents(bus: EventBus): Stack['events'] {
  const events: Stack['events'] = {
    voteCast: [],
    proposalOpened: [],
    proposalClosed: [],
    proposalTransitioned: [],
    outcomeRecorded: [],
    all: [],
  };
  const record =
    <T>(list: DomainEvent<T>[]) =>
    (event: DomainEvent<T>) => {
      list.push(event);
      events.all.push(event);
    };
  bus.subscribe(Events.voteCast, record(events.voteCast));
  bus.subscribe(Events.proposalOpened, record(events.proposalOpened));
  bus.subscribe(Events.proposalClosed, record(events.proposalClosed));
  bus.subscribe(Events.proposalTransitioned, record(events.proposalTransitioned));
  bus.subscribe(Events.outcomeRecorded, record(events.outcomeRecorded));
  return events;
}

/** The seeded organization, as the agents service serves it. */
async function departmentsOf(agentsUrl: string): Promise<Department[]> {
  const organization = await graphql<{
    departments: {
      id: string;
      slug: string;
      agents: { id: string; role: string }[];
      neighbors: { id: string }[];
    }[];
  }>(agentsUrl, '{ departments { id slug agents { id role } neighbors { id } } }');
  return (organization.body.data?.departments ?? []).map((d) => ({
    id: d.id,
    slug: d.slug,
    agentIds: d.agents.map((a) => a.id),
    agents: d.agents,
    neighborIds: d.neighbors.map((n) => n.id),
  }));
}

type GraphQLResult<T> = Awaited<ReturnType<typeof graphql<T>>>;

type CountedTable =
  'proposals' | 'stakeholders' | 'votes' | 'history' | 'rounds' | 'transitions' | 'outcomes';

export interface Stack {
  database: TestDatabase;
  /** The job queue the decisions service sends to and works (pg-boss on the test database). */
  jobs: PgBossJobQueue;
  agents: RunningService;
  decisions: RunningService;
  departments: Department[];
  department(slug: string): Department;
  events: {
    voteCast: DomainEvent<VoteTallyChanged>[];
    proposalOpened: DomainEvent<ProposalChanged>[];
    proposalClosed: DomainEvent<ProposalChanged>[];
    proposalTransitioned: DomainEvent<ProposalTransitioned>[];
    outcomeRecorded: DomainEvent<OutcomeRecorded>[];
    /** Every event above, in the order it was published. */
    all: DomainEvent<unknown>[];
  };
  tokens: {
    admin: string;
    executive: string;
    /** Another executive (a person of their own). */
    executiveNamed(sub: string): Promise<string>;
    viewer: string;
    lead(slug: string): Promise<string>;
    agent(agentId: string): Promise<string>;
  };
  /**
   * Starts another decisions service on the same database, e.g. with an unreachable agents URL
   * (without the job queue unless asked).
   */
  startDecisions(agentsUrl?: string, withJobs?: boolean): Promise<RunningService>;
  /** A GraphQL call to the decisions service. */
  call<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    bearer?: string,
  ): Promise<GraphQLResult<T>>;
  /** Raw SQL on the test database, for arranging what no API offers. */
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** How many rows each decisions table holds: proof that a refused call wrote nothing. */
  counts(): Promise<Record<CountedTable, number>>;
  /** The jobs of one queue (e.g. `Jobs.voteRequested.name`) about one proposal. */
  jobsOf(
    queue: string,
    proposalId: string,
  ): Promise<{ data: Record<string, unknown>; state: string }[]>;
  /** Runs the round-complete job's operation in this process, outside any service. */
  closeCompletedRound(job: RoundComplete): Promise<CompleteResult>;
  close(): Promise<void>;
}
