/**
 * Monitoring (issue 17): ingest rate of scraped samples into the day-partitioned store, `series`
 * latency over 30 days of 1-minute data for 500 series, and on a replayed LLM-cost trace with an
 * injected spike: Holt–Winters forecast accuracy (MAPE) and how far ahead its predictive alert
 * fires, against the reactive LlmCostSpike rule, linear extrapolation (predict_linear's method)
 * and a seasonal-naive forecast. Writes test/bench/results/metrics.json.
 *
 * Sizes: BENCH_METRICS_SERIES (500), BENCH_METRICS_DAYS (30), BENCH_SEEDS (5).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createPostgresStore } from '@daena/platform';
import * as m from '@daena/metrics';
import { createTestDatabase, silentLogger } from '@daena/testing';

const seriesCount = Number(process.env['BENCH_METRICS_SERIES'] ?? 500);
const days = Number(process.env['BENCH_METRICS_DAYS'] ?? 30);
const seeds = Number(process.env['BENCH_SEEDS'] ?? 5);
const minute = 60_000;
const day = 1_440 * minute;

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const meanSd = (values: number[]) => {
  const finite = values.filter(Number.isFinite);
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  const sd = Math.sqrt(
    finite.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, finite.length - 1),
  );
  return { mean: round(mean, 3), sd: round(sd, 3), n: finite.length };
};

// ---- store: ingest and series -------------------------------------------------------------
const database = await createTestDatabase('bench_metrics');
const postgres = createPostgresStore({
  schema: 'metrics',
  url: database.url,
  migrations: m.migrations,
  log: silentLogger(),
});
await postgres.connect();
const repository = () => new m.SeriesRepository(postgres.fork());
const knex = postgres.fork().getKnex();
const end = Date.parse('2026-11-30T00:00:00Z');
const start = end - days * day;
const metricOf = (i: number) => ({
  name: `bench_metric_${i % 50}`,
  labels: { replica: String(Math.floor(i / 50)), job: 'bench' },
});

// Ingest: what one scrape round writes (every series once), round after round, through the
// repository (series upserted, points inserted, one statement), against the cheapest SQL path:
// points of already-known series ids in one INSERT … SELECT unnest.
const ingestRounds = 40;
const ingest = { repository: 0, rawInsert: 0 };
{
  let samples = 0;
  const began = performance.now();
  for (let round_ = 0; round_ < ingestRounds; round_++) {
    const at = new Date(end + round_ * 15_000);
    samples += await repository().record(
      Array.from({ length: seriesCount }, (_, i) => ({ ...metricOf(i), at, value: round_ * i })),
    );
  }
  ingest.repository = Math.round(samples / ((performance.now() - began) / 1000));
  const ids = (
    (await knex.raw('select id from metrics.series order by id')) as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  const rawBegan = performance.now();
  for (let round_ = 0; round_ < ingestRounds; round_++) {
    const at = new Date(end + (ingestRounds + round_) * 15_000).toISOString();
    await knex.raw(
      'insert into metrics.series_points (series_id, at, value) select unnest(?::bigint[]), ?::timestamptz, unnest(?::float8[])',
      [ids, at, ids.map((_, i) => round_ * i)],
    );
  }
  ingest.rawInsert = Math.round(
    (ids.length * ingestRounds) / ((performance.now() - rawBegan) / 1000),
  );
}

// 30 days of 1-minute points for every series, written by Postgres itself (generate_series):
// the fill is set-up, not what is measured.
for (let d = 0; d < days; d++)
  await repository().createPartition(m.partitionOf(new Date(start + d * day)));
const fillBegan = performance.now();
await knex.raw(
  `insert into metrics.series_points (series_id, at, value)
   select s.id, t, (extract(epoch from t - ?::timestamptz) / 60) * (1 + s.id % 7)
   from metrics.series s,
        generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') t`,
  [new Date(start).toISOString(), new Date(start).toISOString(), new Date(end).toISOString()],
);
await knex.raw('analyze metrics.series_points');
const fillSeconds = round((performance.now() - fillBegan) / 1000, 1);
const stored = Number(
  ((await knex.raw('select count(*) from metrics.series_points')) as { rows: { count: string }[] })
    .rows[0]?.count,
);

const shapes = [
  {
    name: 'one series, 30 days every hour',
    metric: 'bench_metric_7{replica="0"}',
    from: start,
    to: end - minute,
    step: 3_600,
  },
  {
    name: 'rate summed over 10 series, 30 days every hour',
    metric: 'sum(rate(bench_metric_7[5m]))',
    from: start,
    to: end - minute,
    step: 3_600,
  },
  {
    name: 'one series, last day every minute',
    metric: 'bench_metric_7{replica="0"}',
    from: end - day,
    to: end - minute,
    step: 60,
  },
];
const repetitions = 15;
const seriesRows = [];
for (const shape of shapes) {
  const times: number[] = [];
  let points = 0;
  for (let i = 0; i < repetitions + 2; i++) {
    const began = performance.now();
    const result = await m.querySeries(
      repository(),
      shape.metric,
      { from: new Date(shape.from), to: new Date(shape.to) },
      shape.step,
    );
    if (i >= 2) times.push(performance.now() - began); // two warm-up runs
    points = result.reduce((sum, s) => sum + s.points.length, 0);
  }
  seriesRows.push({
    query: shape.name,
    points,
    'p50 ms': round(quantile(times, 0.5), 1),
    'p95 ms': round(quantile(times, 0.95), 1),
  });
}
await postgres.close();
await database.drop();

// ---- forecasts on a replayed cost trace ---------------------------------------------------
// Per-prompt costs from the RouteLLM replay (real prompts; GPT-4-1106 $10/$30 and Mixtral-8x7B
// $0.24/$0.24 per million tokens, the README's prices; ~4 characters a token, 256 output tokens).
const dataFile = fileURLToPath(
  new URL('../../../shared/data/routellm-replay/outcomes.jsonl.gz', import.meta.url),
);
const prompts = gunzipSync(readFileSync(process.env['ROUTELLM_OUTCOMES'] ?? dataFile))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { prompt: string }).prompt.length / 4);
const costOf = (tokens: number, gpt4: boolean) =>
  gpt4 ? (tokens * 10 + 256 * 30) / 1e6 : ((tokens + 256) * 0.24) / 1e6;

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
function poisson(random: () => number, lambda: number): number {
  let k = 0;
  for (let p = Math.exp(-lambda), s = p, u = random(); u > s; k++) {
    p *= lambda / (k + 1);
    s += p;
  }
  return k;
}

const stepMinutes = 5;
const season = (24 * 60) / stepMinutes; // one day of 5-minute steps
const traceDays = 6; // days 1–3 train, 4–6 test
const horizon = 12; // one hour ahead

function trace(seed: number) {
  const random = rng(seed);
  const steps = traceDays * season;
  // The spike: on day 5 a routing fault sends every call to GPT-4 and traffic doubles, over an hour.
  const spikeAt = 4 * season + Math.floor(random() * (season - 3 * horizon));
  const spend = Array.from({ length: steps }, (_, t) => {
    const ramp = Math.min(1, Math.max(0, (t - spikeAt) / horizon));
    const lambda = 40 * (1 + 0.5 * Math.sin((2 * Math.PI * t) / season)) * (1 + ramp);
    let total = 0;
    for (let n = poisson(random, lambda); n > 0; n--) {
      const tokens = prompts[Math.floor(random() * prompts.length)] ?? 100;
      total += costOf(tokens, random() < 0.3 + 0.7 * ramp);
    }
    return total;
  });
  return { spend, spikeAt };
}

const found = m
  .parseRuleFile(readFileSync(m.ruleFiles.rules, 'utf8'))
  .find((r) => r.name === 'LlmCostSpike');
if (!found) throw new Error('no LlmCostSpike rule');
const costRule = found;

function evaluateSeed(seed: number) {
  const { spend, spikeAt } = trace(seed);
  const train = spend.slice(0, 3 * season);
  const threshold = 3 * (train.reduce((a, b) => a + b, 0) / train.length);
  const fit = m.fitBestHoltWinters(train, season); // parameters learned on the train half only
  const smoothed = (t: number) => ((spend[t] ?? 0) + (spend[t - 1] ?? 0) + (spend[t - 2] ?? 0)) / 3;
  let crossedAt: number | null = null;
  for (let t = spikeAt; t < spend.length && crossedAt === null; t++)
    if (smoothed(t) > threshold) crossedAt = t;
  const first = {
    hwPoint: null as number | null,
    hwUpper: null as number | null,
    hwResponsive: null as number | null,
    linear: null as number | null,
    rule: null as number | null,
  };
  const falseAlarms = { hwPoint: 0, hwUpper: 0, hwResponsive: 0, linear: 0, rule: 0 };
  const errors = { hw: [] as [number, number][], naive: [] as [number, number][] };
  // The reactive rule over the same spend as a counter (router_cost_usd_total), evaluated by the
  // embedded evaluator with its `for`.
  let total = 0;
  const counter = spend.map((v, t) => {
    total += v;
    return [t * stepMinutes * minute, total] as const;
  });
  const data = m.seriesSet([
    { labels: { __name__: 'router_cost_usd_total', model: 'replay' }, points: counter },
  ]);
  let active = new Map();
  const fire = (key: keyof typeof first, t: number) => {
    if (t < spikeAt) falseAlarms[key]++;
    else if (first[key] === null) first[key] = t;
  };
  for (let t = 3 * season; t < spend.length; t++) {
    const history = spend.slice(t - 3 * season + 1, t + 1);
    const ahead = m.forecast(m.fitHoltWinters(history, fit.params), horizon);
    if (ahead.some((p) => p.value > threshold)) fire('hwPoint', t);
    if (m.predictedCrossing(ahead, threshold) !== null) fire('hwUpper', t);
    // The same with a trend that follows a ramp within the hour (α 0.5, β 0.3; γ as trained).
    const responsive = m.fitHoltWinters(history, { ...fit.params, alpha: 0.5, beta: 0.3 });
    if (m.forecast(responsive, horizon).some((p) => p.value > threshold)) fire('hwResponsive', t);
    // predict_linear's method: least squares over the last hour, extrapolated one hour.
    const window = spend.slice(t - horizon + 1, t + 1);
    const xs = window.map((_, i) => i);
    const mx = (horizon - 1) / 2;
    const my = window.reduce((a, b) => a + b, 0) / horizon;
    const slope =
      xs.reduce((a, x, i) => a + (x - mx) * ((window[i] ?? 0) - my), 0) /
      xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    if (my + slope * (horizon - 1 - mx + horizon) > threshold) fire('linear', t);
    const step = m.stepRule(costRule, active, t * stepMinutes * minute, data);
    active = step.active;
    if ([...active.values()].some((a) => a.state === 'FIRING')) fire('rule', t);
    if (t + horizon < spikeAt) {
      errors.hw.push([spend[t + horizon] ?? 0, ahead[horizon - 1]?.value ?? 0]);
      errors.naive.push([spend[t + horizon] ?? 0, spend[t + horizon - season] ?? 0]);
    }
  }
  // Minutes before the spend crossed the threshold (negative: after; NaN: never fired).
  const lead = (at: number | null) =>
    at === null || crossedAt === null ? NaN : (crossedAt - at) * stepMinutes;
  return {
    mapeHw: m.mape(
      errors.hw.map(([a]) => a),
      errors.hw.map(([, p]) => p),
    ),
    mapeNaive: m.mape(
      errors.naive.map(([a]) => a),
      errors.naive.map(([, p]) => p),
    ),
    lead: {
      hwPoint: lead(first.hwPoint),
      hwUpper: lead(first.hwUpper),
      hwResponsive: lead(first.hwResponsive),
      linear: lead(first.linear),
      rule: lead(first.rule),
    },
    falseAlarms,
  };
}

const runs = Array.from({ length: seeds }, (_, i) => evaluateSeed(20261206 + i));
const methods = [
  ['Holt–Winters forecast crosses (point)', 'hwPoint'],
  ['Holt–Winters 95% upper bound crosses', 'hwUpper'],
  ['Holt–Winters responsive trend (α 0.5, β 0.3) crosses', 'hwResponsive'],
  ['linear extrapolation (predict_linear)', 'linear'],
  ['reactive rule LlmCostSpike (for 5m)', 'rule'],
] as const;
const forecastRows = methods.map(([name, key]) => ({
  alert: name,
  'lead time min (mean ± sd)': ((stats) =>
    stats.n === 0 ? 'never fired' : `${stats.mean} ± ${stats.sd} (n=${stats.n})`)(
    meanSd(runs.map((r) => r.lead[key])),
  ),
  'fired ahead': `${runs.filter((r) => r.lead[key] > 0).length}/${runs.length}`,
  'false alarm steps before the spike (mean)': meanSd(runs.map((r) => r.falseAlarms[key])).mean,
}));
const mapeRows = [
  { forecast: 'Holt–Winters, 1 h ahead', ...meanSd(runs.map((r) => r.mapeHw)) },
  { forecast: 'seasonal naive (a day before), 1 h ahead', ...meanSd(runs.map((r) => r.mapeNaive)) },
];

console.log(
  `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load ${machine.loadAverage1m}`,
);
console.log(`\ningest (samples/s), ${seriesCount} series a round, ${ingestRounds} rounds`);
console.table([
  {
    'repository.record (upsert series + points)': ingest.repository,
    'raw INSERT of known ids': ingest.rawInsert,
  },
]);
console.log(
  `\nseries(): ${stored.toLocaleString('en')} points stored (${seriesCount} series × ${days} days × 1 min; fill ${fillSeconds} s)`,
);
console.table(seriesRows);
console.log(
  `\nforecast accuracy on the replayed cost trace (test half, before the spike), ${seeds} seeds`,
);
console.table(mapeRows);
console.log('\npredictive alert lead time before the injected spike crosses 3× the baseline');
console.table(forecastRows);

await writeFile(
  fileURLToPath(new URL('results/metrics.json', import.meta.url)),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine,
      ingest: { seriesPerRound: seriesCount, rounds: ingestRounds, samplesPerSecond: ingest },
      series: { storedPoints: stored, seriesCount, days, fillSeconds, queries: seriesRows },
      forecast: {
        trace:
          'RouteLLM replay prompts, Poisson arrivals (40 per 5 min, ±50% daily), 30% GPT-4; days 1–3 train, 4–6 test; spike on day 5: all GPT-4 and twice the traffic, ramped over 1 h',
        threshold: '3 × the train mean spend per 5 min (the seed\'s "cost spike > 200%")',
        seeds,
        mape: mapeRows,
        alerts: forecastRows,
      },
    },
    null,
    2,
  )}\n`,
);
process.exit(0);
