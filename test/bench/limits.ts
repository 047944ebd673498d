/**
 * Operation limits (issue 12): gateway throughput and gateway CPU per request with the limits on
 * and off on the same queries, and the CPU the checks themselves take per request. CPU per request
 * (the gateway's own process_cpu_seconds_total) is the figure to read on a shared 2-core machine:
 * throughput there moves with whatever else runs. Agents and four gateways (limits on/off ×
 * response cache on/off) run as their own processes; the load comes from this process
 * (autocannon), alternating on and off so drift on a shared machine hits both alike.
 * Writes test/bench/results/limits.json.
 */
import { writeFile } from 'node:fs/promises';
import { benchMachine } from './bench-machine.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { costViolation, defaultOperationLimits, measureOperation } from '@daena/platform';
import { startServiceProcess, type ServiceProcess } from '@daena/stack';
import { createTestDatabase, freePort } from '@daena/testing';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { aliasQuery, cycleQuery } from '../src/hostile-queries.js';
import { benchServiceEnv, honeycombQuery, startAgentsProcess } from './bench-services.js';
import { runLoad, type LoadResult } from './load.js';

const concurrency = 50;
const durationMs = Number(process.env['BENCH_DURATION_MS'] ?? 5_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 4);
const queries = {
  'README departments': '{ departments { name agents { name role } } }',
  'whole honeycomb': honeycombQuery,
};

/** The checks alone, in this process: what each request pays (validation is cached per document). */
const apiSchema = buildSchema(
  readFileSync(fileURLToPath(new URL('../../schema/api.graphql', import.meta.url)), 'utf8'),
);
const checks = Object.entries(queries).map(([name, query]) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`no operation in ${name}`);
  const iterations = 20_000;
  const time = (fn: () => unknown) => {
    for (let i = 0; i < 1_000; i++) fn();
    const started = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    return Math.round(((performance.now() - started) * 1000 * 100) / iterations) / 100;
  };
  return {
    query: name,
    'cost check µs (every request)': time(() =>
      costViolation(apiSchema, document, operation, {}, defaultOperationLimits),
    ),
    'shape check µs (first request of a document)': time(() =>
      measureOperation(operation, document),
    ),
  };
});
const checkCost = new Map(checks.map((row) => [row.query, row['cost check µs (every request)']]));

/** The queries of issue 12 that once took the platform down, and a cost bomb within the depth. */
const hostile = {
  'depth 50 (departments ↔ agents)': cycleQuery(49),
  '1,000 aliases': aliasQuery(1000),
  'cost bomb, depth 10': cycleQuery(9),
};
const refusals: Record<string, unknown>[] = [];

const database = await createTestDatabase('bench_limits');
const processes: ServiceProcess[] = [];
const rows: Record<string, unknown>[] = [];
try {
  const env = benchServiceEnv(database.url);
  const { agents, port: agentsPort } = await startAgentsProcess(env);
  processes.push(agents);
  const gateway = async (limits: 'on' | 'off', cacheMb: number) => {
    const started = await startServiceProcess(
      'gateway',
      {
        ...env,
        PORT: String(await freePort()),
        AGENTS_URL: `http://127.0.0.1:${agentsPort}/graphql`,
        RESPONSE_CACHE_MB: String(cacheMb),
        GRAPHQL_LIMITS: limits,
      },
      { inheritOutput: false },
    );
    processes.push(started);
    return started.url;
  };
  const gateways = {
    cached: { on: await gateway('on', 64), off: await gateway('off', 64) },
    uncached: { on: await gateway('on', 0), off: await gateway('off', 0) },
  };
  for (const [name, query] of Object.entries(queries)) {
    for (const [cache, pair] of Object.entries(gateways)) {
      const runs: Record<'on' | 'off', LoadResult[]> = { on: [], off: [] };
      const cpu: Record<'on' | 'off', number[]> = { on: [], off: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
        for (const limits of order) {
          process.stderr.write(`${name}, ${cache}, limits ${limits}, round ${round + 1} …\n`);
          const before = await cpuSeconds(pair[limits]);
          const run = await runLoad(pair[limits], JSON.stringify({ query }), {
            concurrency,
            durationMs,
            warmupMs: 1_000,
          });
          const spent = (await cpuSeconds(pair[limits])) - before;
          runs[limits].push(run);
          // The warm-up's requests are not in `run.requests`: take its share out of the CPU
          // (warm-up and run go at about the same rate).
          cpu[limits].push((spent * 1e6 * (durationMs / (durationMs + 1_000))) / run.requests);
        }
      }
      const rps = (list: LoadResult[]) => list.reduce((sum, run) => sum + run.rps, 0) / list.length;
      const p99 = (list: LoadResult[]) => list.reduce((sum, run) => sum + run.p99, 0) / list.length;
      const errors = [...runs.on, ...runs.off].reduce((sum, run) => sum + run.errors, 0);
      const cpuOn = median(cpu.on);
      const cpuOff = median(cpu.off);
      rows.push({
        query: name,
        gateway: cache === 'cached' ? 'response cache' : 'no cache',
        'gateway CPU µs/req on': Math.round(cpuOn),
        'gateway CPU µs/req off': Math.round(cpuOff),
        'CPU overhead %': Math.round((1000 * (cpuOn - cpuOff)) / cpuOff) / 10,
        // The checks' own cost against what a request costs the gateway: the overhead without
        // the noise of a shared machine (validation is cached per document, so only the cost
        // check runs on every request).
        'checks % of gateway CPU': Math.round((1000 * (checkCost.get(name) ?? 0)) / cpuOff) / 10,
        'req/s limits on': Math.round(rps(runs.on)),
        'req/s limits off': Math.round(rps(runs.off)),
        'overhead %': Math.round((1000 * (rps(runs.off) - rps(runs.on))) / rps(runs.off)) / 10,
        'p99 ms on': Math.round(p99(runs.on) * 10) / 10,
        'p99 ms off': Math.round(p99(runs.off) * 10) / 10,
        errors,
      });
    }
  }
  // How fast the hostile queries are refused (sequential, one client, limits on).
  for (const [name, query] of Object.entries(hostile)) {
    const times: number[] = [];
    let code = '';
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const response = await fetch(gateways.uncached.on, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      times.push(performance.now() - started);
      code = body.errors?.[0]?.extensions?.code ?? 'NOT REFUSED';
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round((times[Math.floor(q * times.length)] ?? 0) * 100) / 100;
    refusals.push({ query: name, code, 'p50 ms': at(0.5), 'p99 ms': at(0.99) });
  }
} finally {
  await Promise.all(processes.map((service) => service.stop()));
  await database.drop();
}

/** The gateway process's CPU seconds so far (prom-client's default metrics on /metrics). */
async function cpuSeconds(graphqlUrl: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const match = /^process_cpu_seconds_total(?:{[^}]*})? (\S+)$/m.exec(text);
  if (!match?.[1]) throw new Error('the gateway reports no process_cpu_seconds_total');
  return Number(match[1]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const [low, high] = [sorted[middle - 1] ?? 0, sorted[middle] ?? 0];
  return sorted.length % 2 ? high : (low + high) / 2;
}

console.table(rows);
console.table(checks);
console.table(refusals);
await writeFile(
  new URL('./results/limits.json', import.meta.url),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      // Other work on the machine moves the A/B figures; the checks' own cost does not.
      machine: benchMachine(),
      client: 'autocannon, closed loop, keep-alive, in the same machine as the servers',
      concurrency,
      durationMs,
      rounds,
      throughput: rows,
      checks,
      refusals,
    },
    null,
    2,
  ) + '\n',
);
process.exit(0);
