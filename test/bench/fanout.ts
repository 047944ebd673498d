/**
 * Subscription fan-out through the gateway (issue 14): N graphql-ws subscribers of one proposal's
 * voteTally, in loader processes of their own, while this process casts 50 executive votes at 10
 * per second (each from a different executive, so each vote is one event). Latency is from just
 * before the castExecutiveVote request to each receipt, both read from process.hrtime (the
 * machine's monotonic clock, shared by every process). Gateway, agents and decisions run in this
 * process on one in-process bus, as in embedded mode. Writes test/bench/results/fanout.json.
 *
 *   cd test && node --conditions=source --import @daena/platform/register bench/fanout.ts [sizes]
 *
 * With FANOUT_GATEWAY_WORKERS=N the subscribers and votes go instead to a gateway of its own
 * (`gateway/src/main.ts`, N node:cluster workers, issue 14 §3) on the Redis bus, with agents and
 * decisions still here; its CPU and RSS are then the gateway's alone, summed over its workers from
 * its /metrics. Writes test/bench/results/fanout-cluster.json.
 *
 * `sizes` defaults to 1000,5000; each size runs with one shared viewer token and with a distinct
 * viewer token per subscriber. Needs the tests' PostgreSQL (TEST_DATABASE_URL).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { benchMachine } from './bench-machine.js';
import { fileURLToPath } from 'node:url';
import { createEventBus, Role, signToken } from '@daena/platform';
import { startServiceProcess } from '@daena/stack';
import {
  freePort,
  graphql,
  silentLogger,
  testJwtSecret,
  testStores,
  waitFor,
} from '@daena/testing';
import { waitForSubscribers } from '../src/live.js';
import type { VotingHarness } from '../src/voting-harness.js';
import type { LoaderReport, LoaderTask } from '../src/fanout-loader.js';

const events = 50;
const eventsPerSecond = 10;
/** Loader processes; each holds its share of the sockets. */
const loaders = Number(process.env['FANOUT_LOADERS'] ?? 2);
/** How long after the last vote receipts may still arrive before the rest count as lost. */
const drainMs = 30_000;
/** 0: the gateway runs in this process; N: a gateway process of N cluster workers. */
const gatewayWorkers = Number(process.env['FANOUT_GATEWAY_WORKERS'] ?? 0);

/** The gateway under test: where clients go, and how its memory and CPU are read. */
interface Target {
  url: string;
  wsUrl: string;
  rssBytes(): Promise<number>;
  cpuMs(): Promise<number>;
  /** How often peak RSS is sampled (a cluster's is read through its /metrics). */
  sampleMs: number;
}

interface CaseResult {
  subscribers: number;
  tokens: 'shared' | 'distinct';
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  errors: number;
  errorMessages: string[];
  latencyMs: { p50: number; p99: number; max: number };
  castVoteMs: { p50: number; p99: number };
  groups: number;
  executions: number;
  rssMb: { beforeSubscribers: number; idleSubscribers: number; peak: number };
  idleKbPerSubscriber: number;
  cpuPercentDuringEvents: number;
  /** The loader processes' CPU over the same time (the clients share this machine's cores). */
  loadersCpuPercent: number;
  /** CPU per payload delivered (µs): the server side (see `mode`) and the clients'. */
  cpuUsPerPayload: { server: number; clients: number };
}

// The same file is the loader: a child started with "loader" loads only the client side.
if (process.argv[2] === 'loader') {
  const { runLoader } = await import('../src/fanout-loader.js');
  await runLoader(JSON.parse(process.argv[3] ?? '{}') as LoaderTask);
} else {
  await main();
}

async function main() {
  const sizes = (process.argv[2] ?? '1000,5000').split(',').map(Number);
  const { startVotingHarness } = await import('../src/voting-harness.js');
  const bus = gatewayWorkers > 0 ? createEventBus(testStores.redisUrl, silentLogger()) : undefined;
  const harness = await startVotingHarness('bench_fanout', silentLogger(), bus);
  const results: CaseResult[] = [];
  let stopGateway = async () => undefined as unknown;
  try {
    let target = inProcess(harness.gateway);
    if (gatewayWorkers > 0) {
      const gateway = await startServiceProcess(
        'gateway',
        {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(await freePort()),
          AGENTS_URL: harness.agents.url,
          DECISIONS_URL: harness.decisionsUrl,
          REDIS_URL: testStores.redisUrl,
          JWT_SECRET: testJwtSecret,
          GATEWAY_WORKERS: String(gatewayWorkers),
          RESPONSE_CACHE_MB: '0',
          AUDIT_ENABLED: 'false',
          LOG_LEVEL: 'warn',
        },
        { inheritOutput: false },
      );
      stopGateway = () => gateway.stop();
      target = cluster(gateway.url);
    }
    for (const subscribers of sizes) {
      for (const tokens of ['shared', 'distinct'] as const) {
        process.stderr.write(`fan-out: ${subscribers} subscribers, ${tokens} token(s) …\n`);
        const result = await measure(harness, target, subscribers, tokens);
        results.push(result);
        console.table([row(result)]);
        await writeResults(results);
      }
    }
  } finally {
    await stopGateway();
    await harness.close();
    await bus?.close();
  }
  console.table(results.map(row));
  process.exit(0);
}

function inProcess(gateway: { url: string; wsUrl: string }): Target {
  return {
    url: gateway.url,
    wsUrl: gateway.wsUrl,
    rssBytes: () => Promise.resolve(process.memoryUsage().rss),
    cpuMs: () => {
      const { user, system } = process.cpuUsage();
      return Promise.resolve((user + system) / 1000);
    },
    sampleMs: 100,
  };
}

function cluster(url: string): Target {
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    rssBytes: () => metric(url, 'process_resident_memory_bytes'),
    cpuMs: async () => (await metric(url, 'process_cpu_seconds_total')) * 1000,
    sampleMs: 1000,
  };
}

async function measure(
  harness: VotingHarness,
  gateway: Target,
  subscribers: number,
  tokens: 'shared' | 'distinct',
): Promise<CaseResult> {
  const { id } = await harness.openProposal(`Fan-out ${subscribers} ${tokens}`);
  const executives = await Promise.all(
    Array.from({ length: events }, (_, n) =>
      signToken(testJwtSecret, {
        sub: `fanout-exec-${tokens}-${subscribers}-${n}`,
        roles: [Role.EXECUTIVE],
      }),
    ),
  );
  global.gc?.();
  const rssBefore = await gateway.rssBytes();
  const children = startLoaders(gateway.wsUrl, id, subscribers, tokens);
  await Promise.all(children.map((child) => child.ready));
  await waitForSubscribers(gateway.url, subscribers);
  global.gc?.();
  const rssIdle = await gateway.rssBytes();
  const groupsNow = await metric(gateway.url, 'gateway_subscription_groups');
  const executionsBefore = await metric(gateway.url, 'gateway_subscription_executions_total');

  let peak = rssIdle;
  const sampler = setInterval(
    () => void gateway.rssBytes().then((rss) => (peak = Math.max(peak, rss))),
    gateway.sampleMs,
  );
  const cpuBefore = await gateway.cpuMs();
  const wallBefore = performance.now();
  const sent = new Map<string, number>();
  const castMs: number[] = [];
  const casts: Promise<void>[] = [];
  for (let n = 0; n < events; n++) {
    // A fixed schedule (not "after the last one"): a slow gateway does not slow the offered load.
    const due = wallBefore + (n * 1000) / eventsPerSecond;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const at = hrtimeMs();
    casts.push(
      castExecutiveVote(gateway.url, id, executives[n] ?? '', n).then((vote) => {
        castMs.push(hrtimeMs() - at);
        sent.set(vote, at);
      }),
    );
  }
  await Promise.all(casts);
  const expected = subscribers * events;
  await waitFor(
    async () => {
      const counts = await Promise.all(children.map((child) => child.count()));
      if (counts.reduce((a, b) => a + b, 0) < expected) throw new Error('still receiving');
    },
    drainMs,
    100,
  ).catch(() => undefined);
  const cpuMs = (await gateway.cpuMs()) - cpuBefore;
  const wall = performance.now() - wallBefore;
  clearInterval(sampler);
  const reports = await Promise.all(children.map((child) => child.finish()));
  const loadersWall = performance.now() - wallBefore;
  const executionsAfter = await metric(gateway.url, 'gateway_subscription_executions_total');
  await waitForSubscribers(gateway.url, 0, true);

  const latencies: number[] = [];
  for (const report of reports) {
    for (let i = 0; i < report.receipts.length; i += 2) {
      const at = sent.get(report.voteIds[report.receipts[i] ?? -1] ?? '');
      if (at !== undefined) latencies.push((report.receipts[i + 1] ?? 0) - at);
    }
  }
  const sum = (pick: (report: LoaderReport) => number) =>
    reports.reduce((total, report) => total + pick(report), 0);
  const delivered = sum((report) => report.delivered);
  return {
    subscribers,
    tokens,
    expected,
    delivered,
    lost: expected - delivered,
    duplicates: sum((report) => report.duplicates),
    outOfOrder: sum((report) => report.outOfOrder),
    errors: sum((report) => report.errors),
    errorMessages: [...new Set(reports.flatMap((report) => report.errorMessages))],
    latencyMs: percentiles(latencies),
    castVoteMs: (({ p50, p99 }) => ({ p50, p99 }))(percentiles(castMs)),
    groups: groupsNow,
    executions: executionsAfter - executionsBefore,
    rssMb: { beforeSubscribers: mb(rssBefore), idleSubscribers: mb(rssIdle), peak: mb(peak) },
    idleKbPerSubscriber: Math.round((rssIdle - rssBefore) / 1024 / subscribers),
    cpuPercentDuringEvents: Math.round((cpuMs / wall) * 100),
    loadersCpuPercent: Math.round((sum((report) => report.cpuMs) / loadersWall) * 100),
    cpuUsPerPayload: {
      server: Math.round((cpuMs * 1000) / Math.max(1, delivered)),
      clients: Math.round((sum((report) => report.cpuMs) * 1000) / Math.max(1, delivered)),
    },
  };
}

interface Loader {
  ready: Promise<undefined>;
  count(): Promise<number>;
  finish(): Promise<LoaderReport>;
}

function startLoaders(
  wsUrl: string,
  proposalId: string,
  total: number,
  tokens: 'shared' | 'distinct',
) {
  const script = fileURLToPath(import.meta.url);
  return Array.from({ length: loaders }, (_, index): Loader => {
    const from = Math.floor((total * index) / loaders);
    const to = Math.floor((total * (index + 1)) / loaders);
    const task: LoaderTask = { wsUrl, proposalId, from, to, tokens, secret: testJwtSecret };
    const child = fork(script, ['loader', JSON.stringify(task)], {
      execArgv: process.execArgv,
      serialization: 'advanced',
    });
    return {
      ready: reply<undefined>(child, 'ready'),
      count: async () => {
        const answer = reply<number>(child, 'count');
        child.send('count');
        return answer;
      },
      finish: async () => {
        const answer = reply<LoaderReport>(child, 'report');
        child.send('finish');
        const report = await answer;
        await new Promise((resolve) =>
          child.exitCode === null ? child.once('exit', resolve) : resolve(null),
        );
        return report;
      },
    };
  });
}

function reply<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`loader exited with ${code} before "${kind}"`));
    const onMessage = (message: { kind: string; value: T }) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message.value);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Casts one executive's vote; resolves with the vote's id (what payloads name as lastVote). */
async function castExecutiveVote(url: string, proposalId: string, token: string, n: number) {
  const response = await graphql<{ castExecutiveVote: { id: string } }>(
    url,
    'mutation ($input: CastExecutiveVoteInput!) { castExecutiveVote(input: $input) { id } }',
    {
      input: {
        proposalId,
        choice: n % 3 === 0 ? 'REJECT' : 'APPROVE',
        reason: `fan-out vote ${n}`,
      },
    },
    token,
  );
  const vote = response.body.data?.castExecutiveVote.id;
  if (!vote) throw new Error(JSON.stringify(response.body.errors));
  return vote;
}

async function metric(gatewayUrl: string, name: string): Promise<number> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((total, line) => total + Number(line.split(' ').at(-1)), 0);
}

function hrtimeMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function row(result: CaseResult) {
  return {
    subscribers: result.subscribers,
    tokens: result.tokens,
    delivered: `${result.delivered}/${result.expected}`,
    lost: result.lost,
    dup: result.duplicates,
    'out of order': result.outOfOrder,
    errors: result.errors,
    'p50 ms': result.latencyMs.p50,
    'p99 ms': result.latencyMs.p99,
    'max ms': result.latencyMs.max,
    groups: result.groups,
    executions: result.executions,
    'peak RSS MB': result.rssMb.peak,
    'KB/idle sub': result.idleKbPerSubscriber,
    'CPU %': result.cpuPercentDuringEvents,
    'loaders CPU %': result.loadersCpuPercent,
    'µs/payload server': result.cpuUsPerPayload.server,
    'µs/payload clients': result.cpuUsPerPayload.clients,
  };
}

async function writeResults(cases: CaseResult[]) {
  const machine = benchMachine();
  const setup = {
    events,
    eventsPerSecond,
    loaders,
    drainMs,
    gatewayWorkers,
    mode:
      gatewayWorkers > 0
        ? `agents + decisions in one process; the gateway a process of ${gatewayWorkers} cluster workers; Redis bus; CPU and RSS the gateway's`
        : 'agents + decisions + gateway in one process, in-process bus',
  };
  const file = gatewayWorkers > 0 ? 'fanout-cluster.json' : 'fanout.json';
  await writeFile(
    new URL(`./results/${file}`, import.meta.url),
    JSON.stringify({ measuredAt: new Date().toISOString(), machine, setup, cases }, null, 2) + '\n',
  );
}
