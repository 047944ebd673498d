/**
 * The uncached read path in distributed mode (issue 14, points 4 and 5): throughput and latency
 * at 50 closed-loop clients of (a) the agents subgraph directly, (b) the same query through the
 * gateway, (c) a cross-subgraph query through the gateway, (d) its decisions part from decisions
 * directly, and (e) a mixed workload (9 reads of c to 1 castVote) with read and write latencies
 * apart; each gateway case with the response cache on and off. (f) and (g) are the gateway's own
 * floor: a and c through a third gateway (cache off) whose subgraphs answer from memory what they
 * answered once (bench/replayed-subgraph.ts), so nearly all CPU a request costs is the gateway's. Every service is its own process
 * with NODE_ENV=production; 10 open proposals hold 150 votes. Each run also reports the CPU each
 * process spent per request (its process_cpu_seconds_total): on a shared 2-core machine that is
 * the steadier figure. Writes test/bench/results/gateway.json.
 *
 *   cd test && node --conditions=source --import @daena/platform/register bench/gateway.ts
 *
 * With `--profile`, it runs only the uncached cross-subgraph read (c) with agents, decisions and
 * the gateway under `--cpu-prof`, and prints (and adds to gateway.json) where each spent its CPU
 * during the load (bench/profile-summary.ts). Needs the tests' PostgreSQL and Redis.
 */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@daena/testing';
import {
  gatewayRatios,
  measuredProcesses,
  runRow,
  summarizeRuns,
  targetsMet,
  type ReadRun,
} from '../src/read-bench-table.js';
import { castVoteBody, seedVotedProposals, type CastBallot } from '../src/voted-proposals.js';
import { benchMachine } from './bench-machine.js';
import {
  benchServiceEnv,
  cpuSeconds,
  startDistributedServices,
  startGatewayProcess,
  type DistributedServices,
} from './bench-services.js';
import { runMixedLoad, type LoadRequest } from './load.js';
import { summarizeProfile, type ProfileSummary } from './profile-summary.js';
import { startReplayedSubgraph, type ReplayedSubgraph } from './replayed-subgraph.js';

const concurrency = 50;
const durationMs = Number(process.env['BENCH_DURATION_MS'] ?? 10_000);
const warmupMs = 2_000;
/** Each case runs this many times (in turn with the others); the tables show medians. */
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
const seed = { proposals: 10, votes: 150 };
const queries = {
  departments: '{ departments { id name agents { id name role } } }',
  proposals:
    '{ proposals { id title status department { name } votes { choice agent { name role } } } }',
  /** What decisions answers of `proposals` alone: entity references instead of names. */
  proposalsAlone:
    '{ proposals { id title status department { id } votes { choice agent { id } } } }',
};
const targets = { readP95Ms: 50, writeP95Ms: 100 };
/** The gateway processes: one with the response cache (64 MiB), one without. */
const gateways = { on: 'gateway', off: 'gateway-uncached', replayed: 'gateway-replayed' } as const;
const profiled = [gateways.off, 'agents', 'decisions'] as const;

const profile = process.argv.includes('--profile');
const loadBefore = loadavg()[0] ?? 0;
const database = await createTestDatabase('bench_gateway');
const profileDir = profile ? await mkdtemp(join(tmpdir(), 'daena-read-profile-')) : '';
let services: DistributedServices | undefined;
const replayedSubgraphs: ReplayedSubgraph[] = [];
const serviceEnv = {
  ...benchServiceEnv(database.url),
  NODE_ENV: 'production',
  AGENTS_ANSWER_VOTE_REQUESTS: 'false',
  // The load comes from one loopback address; production rate limits would refuse most of it.
  RATE_LIMIT_EXEMPT_LOOPBACK: 'true',
};
try {
  services = await startDistributedServices(
    serviceEnv,
    {
      ...(profile ? {} : { [gateways.on]: { RESPONSE_CACHE_MB: '64' } }),
      [gateways.off]: { RESPONSE_CACHE_MB: '0' },
    },
    profile ? profilerOptions() : {},
  );
  if (!profile) await startReplayedGateway(services);
  const urls = Object.fromEntries(
    Object.entries(services.processes).map(([name, service]) => [name, service.url]),
  );
  const seeded = await seedVotedProposals(urls[gateways.off] ?? '', seed.proposals, seed.votes);
  if (profile) {
    const window = { fromUs: 0, toUs: 0 };
    const now = () => Number(process.hrtime.bigint() / 1000n);
    const [run] = await measure(urls, 'c', 'gateway', 'off', [read(queries.proposals)], {
      before: () => void (window.fromUs = now()),
      after: () => void (window.toUs = now()),
    });
    // The profiles are written as the processes exit.
    await services.stop();
    services = undefined;
    const processes: Record<string, ProfileSummary> = {};
    for (const name of profiled) {
      const file = await largestProfile(join(profileDir, name));
      const summary = await summarizeProfile(file, { window, top: 20 });
      processes[name] = summary;
      console.log(`\n${name}: not idle ${summary.sampledMs} ms of ${summary.wallMs} ms of load`);
      console.table(summary.byPackage);
      console.table(summary.byFunction);
    }
    const measured = run && runRow(run);
    console.table([measured]);
    process.stderr.write(`profiles: ${profileDir}\n`);
    await writeResults({ profile: { case: measured, processes } });
  } else {
    const runs: ReadRun[] = [];
    for (let round = 0; round < rounds; round++) {
      runs.push(
        ...(await measure(urls, 'a', 'agents', '–', [read(queries.departments)])),
        ...(await measure(urls, 'b', 'gateway', 'on', [read(queries.departments)])),
        ...(await measure(urls, 'b', 'gateway', 'off', [read(queries.departments)])),
        ...(await measure(urls, 'd', 'decisions', '–', [read(queries.proposalsAlone)])),
        ...(await measure(urls, 'c', 'gateway', 'on', [read(queries.proposals)])),
        ...(await measure(urls, 'c', 'gateway', 'off', [read(queries.proposals)])),
        ...(await measure(urls, 'f', 'replayed', 'off', [read(queries.departments)])),
        ...(await measure(urls, 'g', 'replayed', 'off', [read(queries.proposals)])),
      );
    }
    // Writes last: they change what the reads above read.
    const writes = castVotes(seeded.ballots, seeded.admin);
    for (let round = 0; round < rounds; round++) {
      for (const cache of ['on', 'off'] as const) {
        const mixed = [read(queries.proposals, 9), writes];
        runs.push(...(await measure(urls, 'e', 'gateway', cache, mixed)));
      }
    }
    const table = summarizeRuns(runs);
    const ratios = gatewayRatios(table);
    const verdict = targetsMet(table, targets);
    // How many subgraph requests of f and g reached the real subgraphs (one per operation).
    const [agents, decisions] = replayedSubgraphs.map((subgraph) => subgraph.counts());
    const replay = { agents, decisions };
    console.table(table.map(({ runs: _runs, ...rest }) => rest));
    console.table(ratios);
    console.table([verdict]);
    console.table(replay);
    await writeResults({ cases: table, ratios, targets: { ...targets, ...verdict }, replay });
  }
} finally {
  await services?.stop();
  await Promise.all(replayedSubgraphs.map((subgraph) => subgraph.close()));
  await database.drop();
}
process.exit(0);

function read(query: string, weight = 1): LoadRequest {
  return { kind: 'read', body: JSON.stringify({ query }), weight };
}

/**
 * The gateway of cases f and g: cache off, its agents and decisions replayed from memory (metrics
 * is not read by these queries and stays real). Added to `services`, so it stops with them.
 */
async function startReplayedGateway(distributed: DistributedServices): Promise<void> {
  const real = (name: string) => distributed.processes[name]?.url ?? '';
  const [agents, decisions] = await Promise.all([
    startReplayedSubgraph(real('agents')),
    startReplayedSubgraph(real('decisions')),
  ]);
  replayedSubgraphs.push(agents, decisions);
  distributed.processes[gateways.replayed] = await startGatewayProcess({
    ...serviceEnv,
    AGENTS_URL: agents.url,
    DECISIONS_URL: decisions.url,
    METRICS_URL: real('metrics'),
    RESPONSE_CACHE_MB: '0',
  });
}

/** castVote turning one seeded ballot after another to the other choice: each write changes. */
function castVotes(ballots: CastBallot[], token: string): LoadRequest {
  let next = 0;
  return {
    kind: 'write',
    headers: { authorization: `Bearer ${token}` },
    body: () => {
      const ballot = ballots[next++ % ballots.length] as CastBallot;
      ballot.choice = ballot.choice === 'APPROVE' ? 'REJECT' : 'APPROVE';
      return castVoteBody(ballot);
    },
  };
}

/** One load run against one process, with the CPU each process spent per request. */
async function measure(
  urls: Record<string, string>,
  label: string,
  target: ReadRun['target'],
  cache: ReadRun['cache'],
  requests: LoadRequest[],
  clock?: { before(): void; after(): void },
): Promise<ReadRun[]> {
  const url =
    urls[
      target === 'replayed'
        ? gateways.replayed
        : target === 'gateway'
          ? gateways[cache === 'on' ? 'on' : 'off']
          : target
    ];
  if (!url) throw new Error(`no ${target} process`);
  // The gateway that serves this run is the one whose CPU counts.
  const processes: Record<string, string | undefined> = {
    ...urls,
    gateway: target === 'gateway' || target === 'replayed' ? url : undefined,
  };
  process.stderr.write(`(${label}) ${target}, cache ${cache} …\n`);
  const cpu: Partial<Record<(typeof measuredProcesses)[number], number>> = {};
  const readCpu = async (sign: 1 | -1) => {
    for (const name of measuredProcesses) {
      const at = processes[name];
      if (at) cpu[name] = (cpu[name] ?? 0) + sign * (await cpuSeconds(at));
    }
  };
  const result = await runMixedLoad(url, requests, {
    concurrency,
    durationMs,
    warmupMs,
    around: {
      before: async () => {
        await readCpu(-1);
        clock?.before();
      },
      after: async () => {
        clock?.after();
        await readCpu(1);
      },
    },
  });
  if (result.transportErrors > 0)
    process.stderr.write(`  ${result.transportErrors} connection errors or timeouts\n`);
  for (const sample of result.errorSamples) process.stderr.write(`  error: ${sample}\n`);
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(cpu).map(([name, seconds]) => [
      name,
      Math.round((1e5 * seconds) / Math.max(1, result.requests)) / 100,
    ]),
  );
  return Object.entries(result.byKind).map(([kind, load]) => ({
    case: label,
    target,
    cache,
    kind,
    result: load,
    cpuMsPerRequest,
  }));
}

/** --cpu-prof for each profiled process, each into a directory of its own. */
function profilerOptions(): Record<string, string> {
  return Object.fromEntries(
    profiled.map((name) => [
      name,
      `--cpu-prof --cpu-prof-dir=${join(profileDir, name)} --cpu-prof-interval=500`,
    ]),
  );
}

/** A process's main-thread profile (the largest of the files it wrote). */
async function largestProfile(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.cpuprofile'));
  const sized = await Promise.all(
    files.map(async (file) => ({ file, size: (await stat(join(dir, file))).size })),
  );
  const largest = sized.sort((a, b) => b.size - a.size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`);
  return join(dir, largest.file);
}

/** Writes gateway.json; a profile run keeps the measured cases and replaces the profile. */
async function writeResults(results: Record<string, unknown>) {
  const file = new URL('./results/gateway.json', import.meta.url);
  const previous = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .catch(() => ({}));
  const machine = {
    ...benchMachine(),
    // Others' work on the machine moves req/s and latency; CPU per request moves far less.
    loadAverage1m: { before: round2(loadBefore), after: round2(loadavg()[0] ?? 0) },
  };
  const setup = {
    mode: 'distributed: metrics, agents, decisions and each gateway its own process, NODE_ENV=production',
    client: 'autocannon, closed loop, keep-alive, on the same machine as the servers',
    concurrency,
    durationMs,
    warmupMs,
    rounds,
    seed,
    mixed: '9 reads of proposals to 1 castVote (a changed choice), dealt over all clients',
    queries,
  };
  const measuredAt = new Date().toISOString();
  const merged = profile
    ? { ...previous, profile: { measuredAt, machine, ...(results['profile'] as object) } }
    : { ...previous, measuredAt, machine, setup, ...results };
  await writeFile(file, JSON.stringify(merged, null, 2) + '\n');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
