import type { LoadResult } from '../bench/load.js';

/** The processes whose CPU the read bench (bench/gateway.ts) reads after each run. */
export const measuredProcesses = ['gateway', 'agents', 'decisions'] as const;
type Measured = (typeof measuredProcesses)[number];

/** One measured run of one kind of request (a mixed run gives one per kind). */
export interface ReadRun {
  /** The letter: a, b … e; f and g are the gateway's floor (subgraphs replayed). */
  case: string;
  /** `replayed`: a gateway whose subgraph answers come from memory (bench/replayed-subgraph.ts). */
  target: 'agents' | 'decisions' | 'gateway' | 'replayed';
  cache: 'on' | 'off' | '–';
  kind: string;
  result: LoadResult;
  /** CPU ms per request of the run (all kinds together) of each process. */
  cpuMsPerRequest: Partial<Record<Measured, number>>;
}

const caseQueries: Record<string, string> = {
  a: 'departments',
  b: 'departments',
  c: 'proposals',
  d: 'proposals (decisions part)',
  e: 'proposals + castVote',
  f: 'departments',
  g: 'proposals',
};

const via: Record<ReadRun['target'], string> = {
  agents: 'agents directly',
  decisions: 'decisions directly',
  gateway: 'gateway',
  replayed: 'gateway, subgraphs replayed',
};

/** A run as a table row. */
export function runRow(run: ReadRun) {
  return {
    case: run.case,
    query: caseQueries[run.case] ?? run.case,
    via: via[run.target],
    cache: run.cache,
    kind: run.kind,
    'req/s': run.result.rps,
    'p50 ms': run.result.p50,
    'p95 ms': run.result.p95,
    'p99 ms': run.result.p99,
    errors: run.result.errors,
    ...cpuColumns((name) => run.cpuMsPerRequest[name] ?? 0),
  };
}

/** One row per case, cache setting and kind: the median over rounds of each figure. */
export function summarizeRuns(runs: ReadRun[]) {
  const groups = new Map<string, ReadRun[]>();
  for (const run of runs) {
    const key = `${run.case}|${run.cache}|${run.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => {
    const pick = (figure: (run: ReadRun) => number) => median(group.map(figure));
    return {
      ...runRow(group[0] as ReadRun),
      'req/s': pick((run) => run.result.rps),
      'p50 ms': pick((run) => run.result.p50),
      'p95 ms': pick((run) => run.result.p95),
      'p99 ms': pick((run) => run.result.p99),
      errors: group.reduce((sum, run) => sum + run.result.errors, 0),
      ...cpuColumns((name) => pick((run) => run.cpuMsPerRequest[name] ?? 0)),
      runs: group.length,
    };
  });
}

export type ReadRow = ReturnType<typeof summarizeRuns>[number];

/**
 * Gateway / direct (issue 14, point 5) for the one-subgraph query (b over a) and the
 * cross-subgraph one (c over d): throughput, and the CPU a request costs all processes together
 * directly over through the gateway (the figure a busy machine moves least).
 */
export function gatewayRatios(table: ReadRow[]) {
  const find = (label: string, cache: string) =>
    table.find((entry) => entry.case === label && entry.cache === cache && entry.kind === 'read');
  const cpu = (entry: ReadRow | undefined) =>
    entry
      ? entry['gateway CPU ms/req'] + entry['agents CPU ms/req'] + entry['decisions CPU ms/req']
      : 0;
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) / 100 : 0);
  const pairs = [
    { query: 'one subgraph (departments)', direct: 'a', gateway: 'b' },
    { query: 'cross-subgraph (proposals)', direct: 'd', gateway: 'c' },
  ];
  return pairs.map(({ query, direct, gateway }) => {
    const [alone, on, off] = [find(direct, '–'), find(gateway, 'on'), find(gateway, 'off')];
    return {
      query,
      'req/s ratio, cache on': ratio(on?.['req/s'] ?? 0, alone?.['req/s'] ?? 0),
      'req/s ratio, cache off': ratio(off?.['req/s'] ?? 0, alone?.['req/s'] ?? 0),
      'CPU ratio, cache on': ratio(cpu(alone), cpu(on)),
      'CPU ratio, cache off': ratio(cpu(alone), cpu(off)),
    };
  });
}

/** The seed's targets, checked on the mixed workload with the response cache off. */
export function targetsMet(table: ReadRow[], targets: { readP95Ms: number; writeP95Ms: number }) {
  const mixed = (kind: string) =>
    table.find((entry) => entry.case === 'e' && entry.cache === 'off' && entry.kind === kind);
  const readP95 = mixed('read')?.['p95 ms'] ?? Number.NaN;
  const writeP95 = mixed('write')?.['p95 ms'] ?? Number.NaN;
  return {
    'cache off, mixed: read p95 ms': readP95,
    [`read p95 < ${targets.readP95Ms} ms`]: readP95 < targets.readP95Ms,
    'write p95 ms': writeP95,
    [`write p95 < ${targets.writeP95Ms} ms`]: writeP95 < targets.writeP95Ms,
  };
}

function cpuColumns(of: (name: Measured) => number) {
  return {
    'gateway CPU ms/req': of('gateway'),
    'agents CPU ms/req': of('agents'),
    'decisions CPU ms/req': of('decisions'),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 100) / 100;
}
