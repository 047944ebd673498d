/**
 * Monitoring (issue 17): ingest rate of scraped samples into the day-partitioned store, `series`
 * latency over 30 days of 1-minute data for 500 series, and on a replayed LLM-cost trace with an
 * injected spike: Holt–Winters forecast accuracy (MAPE) against seasonal-naive and linear
 * forecasts, and how far ahead each candidate predictive alert fires (and how often it fires
 * before the spike) against the reactive LlmCostSpike rule. The candidates chose the service's
 * method (`predictiveCrossing`, measured here as "shipped"). Writes test/bench/results/metrics.json.
 *
 * Sizes: BENCH_METRICS_SERIES (500), BENCH_METRICS_DAYS (30), BENCH_SEEDS (5).
 * Parts: BENCH_METRICS_PARTS=store,forecast (both by default); e.g. `forecast` alone takes
 * seconds and keeps the store figures of the last full run.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { benchMachine } from './bench-machine.js';
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

const machine = benchMachine();

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
// BENCH_METRICS_PARTS picks the parts to run (store, forecast; both by default); a part not run
// keeps its figures from the last results file.
const parts = new Set((process.env['BENCH_METRICS_PARTS'] ?? 'store,forecast').split(','));
const resultsFile = fileURLToPath(new URL('results/metrics.json', import.meta.url));
const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;

async function benchStore() {
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
    (
      (await knex.raw('select count(*) from metrics.series_points')) as {
        rows: { count: string }[];
      }
    ).rows[0]?.count,
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
  return {
    ingest: { seriesPerRound: seriesCount, rounds: ingestRounds, samplesPerSecond: ingest },
    series: { storedPoints: stored, seriesCount, days, fillSeconds, queries: seriesRows },
  };
}

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

/** Holt's linear method with a damped trend (Gardner & McKenzie 1985), φ fixed, α/β fitted. */
function dampedHolt(values: readonly number[], horizon: number, phi = 0.9) {
  let best = { sse: Infinity, level: 0, trend: 0 };
  for (const alpha of [0.2, 0.5, 0.8]) {
    for (const beta of [0.1, 0.3, 0.5]) {
      let level = values[0] ?? 0;
      let trend = (values[1] ?? 0) - level;
      let sse = 0;
      for (const y of values.slice(1)) {
        sse += (y - level - phi * trend) ** 2;
        const next = alpha * y + (1 - alpha) * (level + phi * trend);
        trend = beta * (next - level) + (1 - beta) * phi * trend;
        level = next;
      }
      if (sse < best.sse) best = { sse, level, trend };
    }
  }
  let damp = 0;
  return Array.from({ length: horizon }, (_, i) => {
    damp += phi ** (i + 1);
    return best.level + damp * best.trend;
  });
}

const candidates = [
  ['Holt–Winters forecast crosses (point)', 'hwPoint'],
  ['Holt–Winters 95% upper bound crosses', 'hwUpper'],
  ['Holt–Winters responsive trend (α 0.5, β 0.3) crosses', 'hwResponsive'],
  ['Holt–Winters season, level/trend re-fitted linearly on the last hour', 'hwReanchored'],
  ['damped-trend Holt (φ 0.9) on the last 2 h', 'damped'],
  ['linear extrapolation, last hour (predict_linear)', 'linear'],
  ['linear, last hour, 80% upper bound', 'linearUpper80'],
  ['linear, last hour, 80% lower bound', 'linearLower80'],
  ['linear, last 2 h', 'linear2h'],
  ['linear, last hour, two steps in a row', 'linearTwice'],
  ['shipped: predictiveCrossing (service method)', 'shipped'],
  ['reactive rule LlmCostSpike (for 5m)', 'rule'],
] as const;
type Method = (typeof candidates)[number][1];

function evaluateSeed(seed: number) {
  const { spend, spikeAt } = trace(seed);
  const train = spend.slice(0, 3 * season);
  const threshold = 3 * (train.reduce((a, b) => a + b, 0) / train.length);
  const fit = m.fitBestHoltWinters(train, season); // parameters learned on the train half only
  const smoothed = (t: number) => ((spend[t] ?? 0) + (spend[t - 1] ?? 0) + (spend[t - 2] ?? 0)) / 3;
  let crossedAt: number | null = null;
  for (let t = spikeAt; t < spend.length && crossedAt === null; t++)
    if (smoothed(t) > threshold) crossedAt = t;
  const first = Object.fromEntries(candidates.map(([, key]) => [key, null])) as Record<
    Method,
    number | null
  >;
  const falseAlarms = Object.fromEntries(candidates.map(([, key]) => [key, 0])) as Record<
    Method,
    number
  >;
  const errors = {
    hw: [] as [number, number][],
    naive: [] as [number, number][],
    linear: [] as [number, number][],
  };
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
  const fire = (key: Method, t: number) => {
    if (t < spikeAt) falseAlarms[key]++;
    else if (first[key] === null) first[key] = t;
  };
  let linearBefore = false;
  for (let t = 3 * season; t < spend.length; t++) {
    const history = spend.slice(t - 3 * season + 1, t + 1);
    const rolling = m.fitHoltWinters(history, fit.params);
    const ahead = m.forecast(rolling, horizon);
    if (ahead.some((p) => p.value > threshold)) fire('hwPoint', t);
    if (m.predictedCrossing(ahead, threshold) !== null) fire('hwUpper', t);
    // The same with a trend that follows a ramp within the hour (α 0.5, β 0.3; γ as trained).
    const responsive = m.fitHoltWinters(history, { ...fit.params, alpha: 0.5, beta: 0.3 });
    if (m.forecast(responsive, horizon).some((p) => p.value > threshold)) fire('hwResponsive', t);
    const hour = spend.slice(t - horizon + 1, t + 1);
    // The rolling fit's seasonal terms: seasonal[season - horizon + j] belongs to hour[j], and
    // seasonal[h - 1] to h steps ahead.
    const s = rolling.seasonal;
    const adjusted = m.fitLinearTrend(hour.map((v, j) => v - (s[season - horizon + j] ?? 0)));
    if (m.forecastLinear(adjusted, horizon).some((p, i) => p.value + (s[i] ?? 0) > threshold))
      fire('hwReanchored', t);
    if (dampedHolt(spend.slice(t - 2 * horizon + 1, t + 1), horizon).some((v) => v > threshold))
      fire('damped', t);
    const line = m.forecastLinear(m.fitLinearTrend(hour), horizon, 1.2816);
    const linearNow = line.some((p) => p.value > threshold);
    if (linearNow) fire('linear', t);
    if (line.some((p) => p.upper > threshold)) fire('linearUpper80', t);
    if (line.some((p) => p.lower > threshold)) fire('linearLower80', t);
    if (linearNow && linearBefore) fire('linearTwice', t);
    linearBefore = linearNow;
    const twoHours = m.forecastLinear(
      m.fitLinearTrend(spend.slice(t - 2 * horizon + 1, t + 1)),
      horizon,
    );
    if (twoHours.some((p) => p.value > threshold)) fire('linear2h', t);
    if (m.predictiveCrossing(spend.slice(0, t + 1), horizon, threshold)) fire('shipped', t);
    const step = m.stepRule(costRule, active, t * stepMinutes * minute, data);
    active = step.active;
    if ([...active.values()].some((a) => a.state === 'FIRING')) fire('rule', t);
    if (t + horizon < spikeAt) {
      errors.hw.push([spend[t + horizon] ?? 0, ahead[horizon - 1]?.value ?? 0]);
      errors.naive.push([spend[t + horizon] ?? 0, spend[t + horizon - season] ?? 0]);
      errors.linear.push([spend[t + horizon] ?? 0, line[horizon - 1]?.value ?? 0]);
    }
  }
  // Minutes before the spend crossed the threshold (negative: after; NaN: never fired).
  const lead = (at: number | null) =>
    at === null || crossedAt === null ? NaN : (crossedAt - at) * stepMinutes;
  const mapeOf = (pairs: [number, number][]) =>
    m.mape(
      pairs.map(([a]) => a),
      pairs.map(([, p]) => p),
    );
  return {
    mapeHw: mapeOf(errors.hw),
    mapeNaive: mapeOf(errors.naive),
    mapeLinear: mapeOf(errors.linear),
    lead: Object.fromEntries(candidates.map(([, key]) => [key, lead(first[key])])) as Record<
      Method,
      number
    >,
    falseAlarms,
    stepsBeforeSpike: spikeAt - 3 * season,
  };
}

function benchForecasts() {
  const runs = Array.from({ length: seeds }, (_, i) => evaluateSeed(20261206 + i));
  const alerts = candidates.map(([name, key]) => ({
    alert: name,
    'lead time min (mean ± sd)': ((stats) =>
      stats.n === 0 ? 'never fired' : `${stats.mean} ± ${stats.sd} (n=${stats.n})`)(
      meanSd(runs.map((r) => r.lead[key])),
    ),
    'fired ahead': `${runs.filter((r) => r.lead[key] > 0).length}/${runs.length}`,
    'false alarm steps before the spike (mean)': meanSd(runs.map((r) => r.falseAlarms[key])).mean,
  }));
  const mape = [
    { forecast: 'Holt–Winters, 1 h ahead', ...meanSd(runs.map((r) => r.mapeHw)) },
    {
      forecast: 'seasonal naive (a day before), 1 h ahead',
      ...meanSd(runs.map((r) => r.mapeNaive)),
    },
    { forecast: 'linear, last hour, 1 h ahead', ...meanSd(runs.map((r) => r.mapeLinear)) },
  ];
  return {
    trace:
      'RouteLLM replay prompts, Poisson arrivals (40 per 5 min, ±50% daily), 30% GPT-4; days 1–3 train, 4–6 test; spike on day 5: all GPT-4 and twice the traffic, ramped over 1 h',
    threshold: '3 × the train mean spend per 5 min (the seed\'s "cost spike > 200%")',
    seeds,
    // False alarms are counted over the test steps before the spike began, this many a run.
    stepsBeforeSpike: meanSd(runs.map((r) => r.stepsBeforeSpike)),
    shipped:
      'predictiveCrossing: least-squares line through the last hour, fires when its point forecast crosses within the hour (subgraphs/metrics/src/forecasts/domain/predictive-alert.ts)',
    mape,
    alerts,
  };
}

const measured = { measuredAt: new Date().toISOString(), machine };
const results = {
  ...previous,
  ...(parts.has('store') ? { ...measured, ...(await benchStore()) } : {}),
  ...(parts.has('forecast') ? { forecast: { ...measured, ...benchForecasts() } } : {}),
} as Record<string, unknown> & { forecast?: ReturnType<typeof benchForecasts> };

console.log(
  `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load ${machine.loadAverage1m}`,
);
console.log(`\nstore (parts run: ${[...parts].join(', ')})`);
console.log(JSON.stringify({ ingest: results['ingest'], series: results['series'] }, null, 2));
if (results.forecast) {
  console.log(
    `\nforecast accuracy on the replayed cost trace (test half, before the spike), ${seeds} seeds`,
  );
  console.table(results.forecast.mape);
  console.log('\npredictive alert lead time before the injected spike crosses 3× the baseline');
  console.table(results.forecast.alerts);
}
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
