/**
 * The honeycomb query through the gateway (issue 3): latency and throughput at 50 concurrent
 * clients, and SQL statements per executed request, for the default organization and for 1,000
 * departments × 64 agents (paginated). Each case runs against a gateway with its response cache
 * (the default) and one without it (every request executed by the agents subgraph). Agents and
 * both gateways run as their own processes; the load comes from this process (autocannon).
 * Writes test/bench/results/organization.json.
 */
import { writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { RedisEventBus, Role, signToken } from '@daena/platform';
import { Events } from '@daena/contracts';
import { startServiceProcess, type ServiceProcess } from '@daena/stack';
import {
  createTestDatabase,
  freePort,
  silentLogger,
  testJwtSecret,
  testStores,
} from '@daena/testing';
import pg from 'pg';
import { cacheLookups } from '../src/cache-scenario.js';
import {
  benchServiceEnv,
  honeycombFields,
  honeycombQuery,
  startAgentsProcess,
} from './bench-services.js';
import { runLoad, type LoadResult } from './load.js';
import { benchMachine } from './bench-machine.js';

const concurrency = 50;
const changesPerSecond = 10;
const durationMs = Number(process.env['BENCH_DURATION_MS'] ?? 10_000);
const fullQuery = honeycombQuery;
const pageQuery = `{ organization { hub { position { x y } } departmentPage(first: 50) { totalCount pageInfo { endCursor hasNextPage } nodes { ${honeycombFields} } } } }`;

const database = await createTestDatabase('bench_organization');
const processes: ServiceProcess[] = [];
const rows: Record<string, unknown>[] = [];
try {
  const env = benchServiceEnv(database.url);
  const { agents, port: agentsPort } = await startAgentsProcess(env);
  processes.push(agents);
  const startGateway = async (cacheMb: number) => {
    const gateway = await startServiceProcess(
      'gateway',
      {
        ...env,
        PORT: String(await freePort()),
        AGENTS_URL: `http://127.0.0.1:${agentsPort}/graphql`,
        RESPONSE_CACHE_MB: String(cacheMb),
      },
      { inheritOutput: false },
    );
    processes.push(gateway);
    return gateway;
  };
  const gateways = { cached: await startGateway(64), uncached: await startGateway(0) };
  const statementsPerRequest = async (query: string) => {
    const before = await quiescentStatements(agentsPort);
    const response = await fetch(gateways.uncached.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    return {
      statements: (await statements(agentsPort)) - before,
      responseKiB: Math.round(bytes / 1024),
    };
  };
  /** The cached gateway while agents keep changing status (each change invalidates the cache). */
  const measureBusy = async (gatewayUrl: string, rate: number) => {
    const label = `8 × 8, whole honeycomb, ${rate} status changes/s`;
    process.stderr.write(`${label} …\n`);
    const before = await cacheLookups(gatewayUrl);
    const writer = churnStatuses(gatewayUrl, rate);
    const load = await runLoad(gatewayUrl, JSON.stringify({ query: fullQuery }), {
      concurrency,
      durationMs,
    });
    const changes = await writer.stop();
    const after = await cacheLookups(gatewayUrl);
    const hits = after.hit - before.hit;
    rows.push({
      case: label,
      gateway: 'response cache',
      concurrency,
      ...load,
      'cache hit %': Math.round((1000 * hits) / (hits + after.miss - before.miss)) / 10,
      'status changes': changes,
    });
  };
  const measure = async (label: string, query: string) => {
    const once = await statementsPerRequest(query);
    for (const [mode, gateway] of Object.entries(gateways)) {
      process.stderr.write(`${label}, ${mode} …\n`);
      const load: LoadResult = await runLoad(gateway.url, JSON.stringify({ query }), {
        concurrency,
        durationMs,
      });
      rows.push({
        case: label,
        gateway: mode === 'cached' ? 'response cache' : 'no cache',
        concurrency,
        ...load,
        'SQL/execution': once.statements,
        'response KiB': once.responseKiB,
      });
    }
  };

  await measure('8 departments × 8 agents, whole honeycomb', fullQuery);
  await measureBusy(gateways.cached.url, changesPerSecond);
  await grow(database.url, 1000, 64);
  // Grown behind the services' back: announce it, as the agents service does for its own writes.
  const bus = new RedisEventBus(testStores.redisUrl, silentLogger());
  await bus.publish(Events.agentsSeeded.create({ departments: 992, agents: 63_936 }));
  await bus.close();
  await measure('1,000 departments × 64 agents, page of 50', pageQuery);
  const whole = await statementsPerRequest(fullQuery);
  rows.push({
    case: '1,000 × 64, whole honeycomb (one request)',
    'SQL/execution': whole.statements,
    'response KiB': whole.responseKiB,
  });
} finally {
  await Promise.all(processes.map((service) => service.stop()));
  await database.drop();
}

console.table(rows);
await writeFile(
  new URL('./results/organization.json', import.meta.url),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine: { ...benchMachine(), note: 'client and servers share it' },
      client: 'autocannon, closed loop, keep-alive',
      durationMs,
      results: rows,
    },
    null,
    2,
  ) + '\n',
);
process.exit(0);

/**
 * Pauses and resumes the agents of the honeycomb in turn, `rate` changes a second, through the
 * gateway as an admin would, until stopped; resolves to the number of changes made.
 */
function churnStatuses(gatewayUrl: string, rate: number): { stop(): Promise<number> } {
  let running = true;
  const done = (async () => {
    const admin = await signToken(testJwtSecret, { sub: 'bench-admin', roles: [Role.ADMIN] });
    const call = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data ?? {};
    };
    const { agents } = (await call('{ agents { id version } }')) as {
      agents: { id: string; version: number }[];
    };
    let changes = 0;
    const started = performance.now();
    for (let i = 0; running; i++) {
      const agent = agents[i % agents.length];
      if (!agent) break;
      const action = Math.floor(i / agents.length) % 2 === 0 ? 'pauseAgent' : 'resumeAgent';
      const result = await call(
        `mutation ($id: ID!, $version: Int!) { ${action}(id: $id, version: $version) { version } }`,
        { id: agent.id, version: agent.version },
      );
      agent.version = (result[action] as { version: number }).version;
      changes++;
      // Paced to `rate`: wait until the next change is due (a bench may sleep; tests may not).
      const due = started + (changes * 1000) / rate;
      await delay(Math.max(0, due - performance.now()));
    }
    return changes;
  })();
  return {
    stop: () => {
      running = false;
      return done;
    },
  };
}

/**
 * The statement counter once the agents service has finished the work a load run left queued
 * (requests the client gave up on still run), so a single request's statements can be counted.
 */
async function quiescentStatements(port: number): Promise<number> {
  let last = await statements(port);
  for (;;) {
    await delay(250);
    const now = await statements(port);
    if (now === last) return now;
    last = now;
  }
}

async function statements(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/** Grows the seeded organization to `departments` × `agentsEach` directly in the database. */
async function grow(url: string, departments: number, agentsEach: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into agents.departments (id, slug, name, ordinal)
       select gen_random_uuid(), 'dept-' || n, 'Department ' || n, n - 1
       from generate_series((select count(*) from agents.departments) + 1, $1) as n`,
      [departments],
    );
    await client.query(
      `insert into agents.agents (id, slug, name, role, status, department_id, seat)
       select gen_random_uuid(), d.slug || '-agent-' || s, d.name || ' agent ' || s, 'EXECUTION_AGENT', 'IDLE', d.id, s
       from agents.departments d, generate_series(0, $1 - 1) as s
       where not exists (select 1 from agents.agents a where a.department_id = d.id and a.seat = s)`,
      [agentsEach],
    );
  } finally {
    await client.end();
  }
}
