import {
  InProcessEventBus,
  RedisCache,
  Role,
  signToken,
  type DomainEvent,
  type RunningService,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  testJwtSecret,
  testStores,
  type TestDatabase,
} from '@daena/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentStatus } from '../src/organization/domain/organization.js';
import type { AgentHotState } from '../src/state/store/agent-state-repository.js';
import { startAgents } from './start-agents.js';

let database: TestDatabase;
let prefix: string;
let cache: RedisCache<AgentHotState>;
let sql: pg.Client;
const bus = new InProcessEventBus(silentLogger());
const events: DomainEvent[] = [];
const running: RunningService[] = [];
let service: RunningService;

async function start(): Promise<RunningService> {
  const started = await startAgents(database.url, bus, {
    redisUrl: testStores.redisUrl,
    cacheKeyPrefix: prefix,
  });
  running.push(started);
  return started;
}

beforeAll(async () => {
  database = await createTestDatabase('agent_state');
  // One namespace per test database: parallel runs on one Redis never see each other's keys.
  prefix = `daena:test:${database.name}:agent-state:`;
  cache = new RedisCache(testStores.redisUrl, { prefix, log: silentLogger() });
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  bus.subscribe(Events.agentStateChanged, (event) => void events.push(event));
  bus.subscribe(Events.agentStatusChanged, (event) => void events.push(event));
  service = await start();
});
afterAll(async () => {
  await Promise.all(running.map((started) => started.close()));
  const ids = await sql?.query<{ id: string }>('select id from agents.agents');
  await cache?.deleteMany(ids?.rows.map((row) => row.id) ?? []);
  await cache?.close();
  await sql?.end();
  await database?.drop();
});

const fields = 'id status currentTask load budgetUsedUsd stateUpdatedAt version';
type AgentView = {
  id: string;
  status: string;
  currentTask: string | null;
  load: number;
  budgetUsedUsd: number;
  stateUpdatedAt: string | null;
  version: number;
};

const asAgent = (agentId: string) =>
  signToken(testJwtSecret, { sub: agentId, roles: [Role.AGENT] });
const asAdmin = () => signToken(testJwtSecret, { sub: 'admin', roles: [Role.ADMIN] });

function report(
  agentId: string,
  input: Record<string, unknown>,
  token?: string,
  on: RunningService = service,
) {
  return graphql<{ reportAgentState: AgentView }>(
    on.url,
    `mutation ($id: ID!, $input: AgentStateReportInput!) {
      reportAgentState(agentId: $id, input: $input) { ${fields} } }`,
    { id: agentId, input },
    token,
  );
}

async function readAgent(agentId: string, on: RunningService = service): Promise<AgentView> {
  const { body } = await graphql<{ agent: AgentView }>(
    on.url,
    `query ($id: ID!) { agent(id: $id) { ${fields} } }`,
    { id: agentId },
  );
  if (!body.data?.agent) throw new Error(`no agent ${agentId}: ${JSON.stringify(body.errors)}`);
  return body.data.agent;
}

/** The agent of `role` in department `slug`. */
async function agentOf(slug: string, role: string): Promise<AgentView & { departmentId: string }> {
  const { body } = await graphql<{
    agents: (AgentView & { department: { id: string; slug: string } })[];
  }>(service.url, `{ agents(role: ${role}) { ${fields} department { id slug } } }`);
  const agent = body.data?.agents.find((candidate) => candidate.department.slug === slug);
  if (!agent) throw new Error(`no ${role} in ${slug}: ${JSON.stringify(body).slice(0, 600)}`);
  return { ...agent, departmentId: agent.department.id };
}

/** The truth: the agent's row in Postgres, with its state sequence in microseconds. */
async function postgresState(agentId: string): Promise<AgentHotState> {
  const { rows } = await sql.query<{
    status: AgentStatus;
    current_task: string | null;
    load: number;
    budget_used_usd: number;
    sequence: string;
    version: number;
  }>(
    `select status, current_task, load, budget_used_usd, version,
       coalesce(extract(epoch from state_updated_at) * 1000000, 0)::bigint as sequence
     from agents.agents where id = $1`,
    [agentId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no row for ${agentId}`);
  return {
    id: agentId,
    status: row.status,
    currentTask: row.current_task,
    load: row.load,
    budgetUsedUsd: row.budget_used_usd,
    sequence: Number(row.sequence),
  };
}

async function cached(agentId: string): Promise<AgentHotState | undefined> {
  return (await cache.getMany([agentId]))[0];
}

/** SQL statements the service has sent so far (its db_statements_total counter). */
async function statements(on: RunningService = service): Promise<number> {
  const metric = await on.metrics.getSingleMetric('db_statements_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

const eventsOf = (agentId: string) =>
  events.filter((event) => (event.data as { agentId: string }).agentId === agentId);

describe('agent hot state, written through to Redis', () => {
  it('takes a report from the agent itself, writes Postgres then Redis, and serves reads from Redis', async () => {
    const scout = await agentOf('engineering', 'DATA_SCOUT');
    const reported = await report(
      scout.id,
      { status: 'WORKING', currentTask: 'Profile the build times', load: 0.6, spentUsd: 0.25 },
      await asAgent(scout.id),
    );
    expect(reported.body.errors).toBeUndefined();
    expect(reported.body.data?.reportAgentState).toMatchObject({
      status: 'WORKING',
      currentTask: 'Profile the build times',
      load: 0.6,
      budgetUsedUsd: 0.25,
      // A state report leaves the version that admin edits and pause/resume lock on.
      version: scout.version,
    });
    const truth = await postgresState(scout.id);
    expect(await cached(scout.id)).toEqual(truth);
    expect(reported.body.data?.reportAgentState.stateUpdatedAt).toBe(
      new Date(Math.floor(truth.sequence / 1000)).toISOString(),
    );

    // Warm: the row is one statement and the hot state none; cold: one more, then warm again.
    const before = await statements();
    expect(await readAgent(scout.id)).toEqual(reported.body.data?.reportAgentState);
    const warm = (await statements()) - before;
    await cache.deleteMany([scout.id]);
    expect(await readAgent(scout.id)).toEqual(reported.body.data?.reportAgentState);
    const cold = (await statements()) - before - warm;
    expect(cold).toBe(warm + 1);
    expect(await cached(scout.id)).toEqual(truth);

    expect(eventsOf(scout.id).map((event) => [event.type, event.data])).toEqual([
      [
        Events.agentStatusChanged.type,
        {
          agentId: scout.id,
          departmentId: scout.departmentId,
          status: 'WORKING',
          previousStatus: 'IDLE',
        },
      ],
      [
        Events.agentStateChanged.type,
        {
          agentId: scout.id,
          departmentId: scout.departmentId,
          status: 'WORKING',
          currentTask: 'Profile the build times',
          load: 0.6,
          budgetUsedUsd: 0.25,
        },
      ],
    ]);

    const cleared = await report(scout.id, { currentTask: null, spentUsd: 0.5 }, await asAdmin());
    expect(cleared.body.data?.reportAgentState).toMatchObject({
      status: 'WORKING',
      currentTask: null,
      load: 0.6,
      budgetUsedUsd: 0.75,
    });
  });

  it('reads the same state after a restart on the same Postgres and Redis, and after a flush', async () => {
    const advisor = await agentOf('product', 'STRATEGIC_ADVISOR');
    const token = await asAgent(advisor.id);
    await report(advisor.id, { status: 'WAITING_FOR_CONSENSUS', load: 0.3 }, token);
    const before = await readAgent(advisor.id);

    await service.close();
    running.splice(running.indexOf(service), 1);
    service = await start();
    expect(await readAgent(advisor.id)).toEqual(before);

    // Flush every hot-state key. The honeycomb still shows the truth: a department's agents come
    // from Postgres with their state in the same statement, so it needs no cache read at all.
    const ids = (await sql.query<{ id: string }>('select id from agents.agents')).rows;
    await cache.deleteMany(ids.map((row) => row.id));
    const organization = `{ organization { departments { agents { ${fields} } } } }`;
    const start0 = await statements();
    const first = await graphql<{ organization: { departments: { agents: AgentView[] }[] } }>(
      service.url,
      organization,
    );
    const honeycombStatements = (await statements()) - start0;
    const everyone = first.body.data?.organization.departments.flatMap((d) => d.agents) ?? [];
    expect(everyone).toHaveLength(64);
    expect(everyone.find((agent) => agent.id === advisor.id)).toEqual(before);
    const start1 = await statements();
    const again = await graphql(service.url, organization);
    expect(again.body).toEqual(first.body);
    expect((await statements()) - start1).toBe(honeycombStatements);
    // A lookup by id reads the hot state cache-first: after the flush it misses, reads Postgres
    // and fills the cache again.
    expect(await cached(advisor.id)).toBeUndefined();
    expect(await readAgent(advisor.id)).toEqual(before);
    expect(await cached(advisor.id)).toEqual(await postgresState(advisor.id));
  });

  it('shows a paused agent as PAUSED everywhere, and refuses a report that would un-pause it', async () => {
    const synthesizer = await agentOf('sales', 'SYNTHESIZER');
    await report(synthesizer.id, { status: 'WORKING', load: 0.9 }, await asAgent(synthesizer.id));
    const lead = await signToken(testJwtSecret, {
      sub: 'lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'sales',
    });
    const paused = await graphql<{ pauseAgent: AgentView }>(
      service.url,
      `mutation ($id: ID!, $version: Int!) { pauseAgent(id: $id, version: $version) { ${fields} } }`,
      { id: synthesizer.id, version: synthesizer.version },
      lead,
    );
    expect(paused.body.data?.pauseAgent).toMatchObject({
      status: 'PAUSED',
      version: synthesizer.version + 1,
    });
    expect(await cached(synthesizer.id)).toEqual(await postgresState(synthesizer.id));
    expect((await cached(synthesizer.id))?.status).toBe('PAUSED');

    const everywhere = await graphql<{
      agent: { status: string };
      department: { agents: { id: string; status: string }[] };
      organization: { departments: { agents: { id: string; status: string }[] }[] };
      _entities: { status: string }[];
    }>(
      service.url,
      `
        query ($id: ID!, $departmentId: ID!, $refs: [_Any!]!) {
          agent(id: $id) {
            status
          }
          department(id: $departmentId) {
            agents {
              id
              status
            }
          }
          organization {
            departments {
              agents {
                id
                status
              }
            }
          }
          _entities(representations: $refs) {
            ... on Agent {
              status
            }
          }
        }
      `,
      {
        id: synthesizer.id,
        departmentId: synthesizer.departmentId,
        refs: [{ __typename: 'Agent', id: synthesizer.id }],
      },
    );
    const data = everywhere.body.data;
    expect(data?.agent.status).toBe('PAUSED');
    expect(data?.department.agents.find((a) => a.id === synthesizer.id)?.status).toBe('PAUSED');
    const inOrganization = data?.organization.departments.flatMap((d) => d.agents);
    expect(inOrganization?.find((a) => a.id === synthesizer.id)?.status).toBe('PAUSED');
    expect(data?._entities).toEqual([{ status: 'PAUSED' }]);

    const truth = await postgresState(synthesizer.id);
    const eventCount = events.length;
    const refused = await report(
      synthesizer.id,
      { status: 'WORKING', spentUsd: 1 },
      await asAgent(synthesizer.id),
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENT_PAUSED',
    });
    expect(await postgresState(synthesizer.id)).toEqual(truth);
    expect(await cached(synthesizer.id)).toEqual(truth);
    expect(events).toHaveLength(eventCount);

    // Winding down while paused: spend and load are still booked; the status stays.
    const windDown = await report(synthesizer.id, { load: 0, spentUsd: 0.5 }, await asAdmin());
    expect(windDown.body.data?.reportAgentState).toMatchObject({ status: 'PAUSED', load: 0 });
  });

  type Caller = (agentId: string, otherAgentId: string) => Promise<string | undefined>;
  const itself: Caller = (agentId) => asAgent(agentId);
  const hrLead: Caller = () =>
    signToken(testJwtSecret, { sub: 'lead', roles: [Role.DEPARTMENT_LEAD], department: 'hr' });
  it.each<[string, Caller, Record<string, unknown>, string, string?]>([
    ['another agent', (_id, otherId) => asAgent(otherId), { load: 0.5 }, 'FORBIDDEN'],
    ['its department lead', hrLead, { load: 0.5 }, 'FORBIDDEN'],
    ['an anonymous caller', async () => undefined, { load: 0.5 }, 'UNAUTHENTICATED'],
    ['load above 1', itself, { load: 1.5 }, 'BAD_USER_INPUT', 'LOAD_OUT_OF_RANGE'],
    ['a negative spend', itself, { spentUsd: -2 }, 'BAD_USER_INPUT', 'NEGATIVE_SPEND'],
    ['a long task', itself, { currentTask: 'x'.repeat(501) }, 'BAD_USER_INPUT', 'TASK_TOO_LONG'],
    ['PAUSED', itself, { status: 'PAUSED' }, 'BAD_USER_INPUT', 'STATUS_NOT_REPORTABLE'],
  ])('refuses %s and writes nothing', async (_case, caller, input, code, reason) => {
    const scout = await agentOf('hr', 'RESEARCH_SCOUT');
    const other = await agentOf('hr', 'DATA_SCOUT');
    const truth = await postgresState(scout.id);
    const result = await report(scout.id, input, await caller(scout.id, other.id));
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code,
      ...(reason ? { reason } : {}),
    });
    expect(await postgresState(scout.id)).toEqual(truth);
  });

  it('refuses reports for retired and unknown agents', async () => {
    const border = await agentOf('legal', 'BORDER_AGENT');
    await sql.query('update agents.agents set retired_at = now() where id = $1', [border.id]);
    const truth = await postgresState(border.id);
    const retired = await report(border.id, { load: 0.1 }, await asAgent(border.id));
    expect(retired.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENT_RETIRED',
    });
    expect(await postgresState(border.id)).toEqual(truth);
    const unknown = await report(
      '00000000-0000-4000-8000-000000000000',
      { load: 0.1 },
      await asAdmin(),
    );
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('ends with the cache equal to Postgres after concurrent reports through two replicas', async () => {
    const execution = await agentOf('marketing', 'EXECUTION_AGENT');
    const replica = await start();
    const [agentToken, adminToken] = [await asAgent(execution.id), await asAdmin()];
    const reports = Array.from({ length: 40 }, (_, i) =>
      report(
        execution.id,
        {
          status: i % 2 === 0 ? 'WORKING' : 'IDLE',
          currentTask: `step ${i}`,
          load: i / 40,
          spentUsd: 0.25,
        },
        i % 3 === 0 ? adminToken : agentToken,
        i % 2 === 0 ? service : replica,
      ),
    );
    const results = await Promise.all(reports);
    expect(results.flatMap((result) => result.body.errors ?? [])).toEqual([]);

    const truth = await postgresState(execution.id);
    expect(truth.budgetUsedUsd).toBe(10);
    expect(await cached(execution.id)).toEqual(truth);
    const { sequence: _sequence, ...served } = truth;
    for (const on of [service, replica]) {
      expect(await readAgent(execution.id, on)).toMatchObject(served);
    }

    // A write that lands late (a slow replica, or a fill that read before the last report)
    // carries an older sequence, and the cache keeps the newer state.
    const stale = { ...truth, currentTask: 'step 0', sequence: truth.sequence - 1 };
    await cache.setMany([{ key: execution.id, value: stale, version: stale.sequence }]);
    expect(await cached(execution.id)).toEqual(truth);
  });
});
