/**
 * Operation limits (issue 12): gateway throughput with the limits on and off on the same queries,
 * and the CPU the checks themselves take per request. Agents and four gateways (limits on/off ×
 * response cache on/off) run as their own processes; the load comes from this process
 * (autocannon), alternating on and off so drift on a shared machine hits both alike.
 * Writes test/bench/results/limits.json.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { costViolation, defaultOperationLimits, measureOperation } from '@daena/platform';
import { startServiceProcess, type ServiceProcess } from '@daena/stack';
import { createTestDatabase, freePort, testJwtSecret, testStores } from '@daena/testing';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { runLoad, type LoadResult } from './load.js';

const concurrency = 50;
const durationMs = Number(process.env['BENCH_DURATION_MS'] ?? 8_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
const queries = {
  'README departments': '{ departments { name agents { name role } } }',
  'whole honeycomb': `{ organization { hub { position { x y } } departments { id slug name hex { q r } position { x y angle radius } neighbors { id } agents { id name role status position { x y } } } } }`,
};

const database = await createTestDatabase('bench_limits');
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
      for (let round = 0; round < rounds; round++) {
        for (const limits of round % 2 === 0
          ? (['on', 'off'] as const)
          : (['off', 'on'] as const)) {
          process.stderr.write(`${name}, ${cache}, limits ${limits}, round ${round + 1} …\n`);
          runs[limits].push(
            await runLoad(pair[limits], JSON.stringify({ query }), { concurrency, durationMs }),
          );
        }
      }
      const rps = (list: LoadResult[]) => list.reduce((sum, run) => sum + run.rps, 0) / list.length;
      const p99 = (list: LoadResult[]) => list.reduce((sum, run) => sum + run.p99, 0) / list.length;
      const errors = [...runs.on, ...runs.off].reduce((sum, run) => sum + run.errors, 0);
      rows.push({
        query: name,
        gateway: cache === 'cached' ? 'response cache' : 'no cache',
        'req/s limits on': Math.round(rps(runs.on)),
        'req/s limits off': Math.round(rps(runs.off)),
        'overhead %': Math.round((1000 * (rps(runs.off) - rps(runs.on))) / rps(runs.off)) / 10,
        'p99 ms on': Math.round(p99(runs.on) * 10) / 10,
        'p99 ms off': Math.round(p99(runs.off) * 10) / 10,
        errors,
      });
    }
  }
} finally {
  await Promise.all(processes.map((service) => service.stop()));
  await database.drop();
}

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

console.table(rows);
console.table(checks);
const cpu = cpus();
await writeFile(
  new URL('./results/limits.json', import.meta.url),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine: {
        cores: cpu.length,
        cpu: cpu[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
      },
      client: 'autocannon, closed loop, keep-alive, in the same machine as the servers',
      concurrency,
      durationMs,
      rounds,
      throughput: rows,
      checks,
    },
    null,
    2,
  ) + '\n',
);
process.exit(0);
