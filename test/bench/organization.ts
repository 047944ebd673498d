/**
 * The honeycomb query through the gateway (issue 3): latency and throughput at 50 concurrent
 * clients, and SQL statements per request, for the default organization and for 1,000
 * departments × 64 agents (paginated). Agents and the gateway run as their own processes; the
 * load comes from this process. Writes test/bench/results/organization.json.
 */
import { writeFile } from 'node:fs/promises';
import { startServiceProcess, type ServiceProcess } from '@daena/stack';
import { createTestDatabase, freePort, testJwtSecret, testStores } from '@daena/testing';
import pg from 'pg';
import { runLoad, type LoadResult } from './load.js';

const concurrency = 50;
const durationMs = Number(process.env['BENCH_DURATION_MS'] ?? 10_000);
const fields =
  'id slug name hex { q r } position { x y angle radius } neighbors { id } agents { id name role status position { x y } }';
const fullQuery = `{ organization { hub { position { x y } } departments { ${fields} } } }`;
const pageQuery = `{ organization { hub { position { x y } } departmentPage(first: 50) { totalCount pageInfo { endCursor hasNextPage } nodes { ${fields} } } } }`;

const database = await createTestDatabase('bench_organization');
const processes: ServiceProcess[] = [];
const rows: Record<string, unknown>[] = [];
try {
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    REDIS_URL: testStores.redisUrl,
    JWT_SECRET: testJwtSecret,
    LOG_LEVEL: 'warn',
  };
  const agentsPort = await freePort();
  processes.push(
    await startServiceProcess(
      'agents',
      { ...env, PORT: String(agentsPort) },
      { inheritOutput: false },
    ),
  );
  const gateway = await startServiceProcess(
    'gateway',
    {
      ...env,
      PORT: String(await freePort()),
      AGENTS_URL: `http://127.0.0.1:${agentsPort}/graphql`,
    },
    { inheritOutput: false },
  );
  processes.push(gateway);
  const statementsPerRequest = async (query: string) => {
    const before = await statements(agentsPort);
    const response = await fetch(gateway.url, {
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
  const measure = async (label: string, query: string) => {
    process.stderr.write(`${label} …\n`);
    const once = await statementsPerRequest(query);
    const load: LoadResult = await runLoad(gateway.url, JSON.stringify({ query }), {
      concurrency,
      durationMs,
    });
    rows.push({
      case: label,
      concurrency,
      ...load,
      'SQL/request': once.statements,
      'response KiB': once.responseKiB,
    });
  };

  await measure('8 departments × 8 agents, whole honeycomb', fullQuery);
  await grow(database.url, 1000, 64);
  await measure('1,000 departments × 64 agents, page of 50', pageQuery);
  const whole = await statementsPerRequest(fullQuery);
  rows.push({
    case: '1,000 × 64, whole honeycomb (one request)',
    'SQL/request': whole.statements,
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
      machine: '2 cores (CI machine kind); client and servers share them',
      durationMs,
      results: rows,
    },
    null,
    2,
  ) + '\n',
);
process.exit(0);

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
