import { InProcessEventBus, type RunningService } from '@daena/platform';
import { createTestDatabase, graphql, silentLogger, type TestDatabase } from '@daena/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEvaluator } from '../src/alerts/operations/alert-evaluator.js';
import { parseForecastTargets } from '../src/forecasts/domain/forecast-targets.js';
import { ForecastMonitor } from '../src/forecasts/operations/forecast-monitor.js';
import { monitorTick } from '../src/series/operations/monitor-tick.js';
import { SeriesRepository, type PointDraft } from '../src/series/store/series-repository.js';
import { openMetricsStore, type MetricsStore, startMetrics } from './start-metrics.js';

// Forecasts over real stored series (issue 17 §6): `forecast` through GraphQL with its typed
// errors, and the predictive alert stepped by the monitoring tick into `alerts`, ahead of an
// injected ramp and never on a flat noisy series.
let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;
let postgres: MetricsStore;

const minute = 60_000;
const t0 = Date.parse('2026-11-23T00:00:00.000Z');
const rampAt = 24 * 60; // minutes after t0
const end = rampAt + 120;

/** Deterministic noise in [-1, 1] (a linear congruential generator). */
function noise(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  };
}

/** A counter scraped every minute whose per-minute increase is `rate(minute)`. */
function counter(name: string, rate: (m: number) => number): PointDraft[] {
  let total = 0;
  return Array.from({ length: end + 1 }, (_, m) => {
    total += rate(m);
    return { name, labels: { model: 'm1' }, at: new Date(t0 + m * minute), value: total };
  });
}

const flatRandom = noise(11);
const rampRandom = noise(5);
// $1 a minute ± 10%; the ramp adds 2.5 cents a minute each minute from day 2 on (3× in 80 min).
const flat = (_m: number) => 1 + 0.1 * flatRandom();
const ramp = (m: number) => 1 + 0.1 * rampRandom() + (m >= rampAt ? 0.025 * (m - rampAt) : 0);

beforeAll(async () => {
  database = await createTestDatabase('metrics_forecasts');
  bus = new InProcessEventBus(silentLogger());
  service = await startMetrics(database.url, bus);
  await service.ready;
  postgres = await openMetricsStore(database.url);
  await new SeriesRepository(postgres.fork()).record([
    ...counter('flat_cost_usd_total', flat),
    ...counter('ramp_cost_usd_total', ramp),
  ]);
});
afterAll(async () => {
  await postgres?.close();
  await service?.close();
  await bus?.close();
  await database?.drop();
});

const at = (minutes: number) => new Date(t0 + minutes * minute);

interface ForecastView {
  labels: Record<string, string>;
  method: string;
  historyPoints: number;
  points: { at: string; value: number; lower: number; upper: number }[];
}

function forecast(metric: string, horizon: number, step: number, from: Date) {
  return graphql<{ forecast: ForecastView[] }>(
    service.url,
    `
      query ($metric: String!, $horizon: Int!, $step: Int!, $at: DateTimeISO) {
        forecast(metric: $metric, horizon: $horizon, step: $step, at: $at) {
          labels
          method
          historyPoints
          points {
            at
            value
            lower
            upper
          }
        }
      }
    `,
    { metric, horizon, step, at: from.toISOString() },
  );
}

describe('forecast(metric, horizon, step)', () => {
  it('forecasts a rate an hour ahead with a 95% interval that holds what came', async () => {
    const { body } = await forecast('sum(rate(flat_cost_usd_total[5m]))', 3_600, 300, at(rampAt));
    expect(body.errors).toBeUndefined();
    const [series] = body.data?.forecast ?? [];
    // A day of history: no two seasons yet, so Holt's linear trend.
    expect(series).toMatchObject({ labels: {}, method: 'HOLT' });
    expect(series?.historyPoints).toBeGreaterThanOrEqual(280);
    expect(series?.points.map((p) => p.at)).toEqual(
      Array.from({ length: 12 }, (_, i) => at(rampAt + 5 * (i + 1)).toISOString()),
    );
    for (const point of series?.points ?? []) {
      // $1 a minute, per second; what actually came lies inside the interval.
      expect(point.value).toBeCloseTo(1 / 60, 2);
      expect(point.lower).toBeLessThan(point.value);
      expect(point.upper).toBeGreaterThan(point.value);
    }
    const actual = await graphql<{ series: { points: { value: number }[] }[] }>(
      service.url,
      `
        query ($from: DateTimeISO!, $to: DateTimeISO!) {
          series(
            metric: "sum(rate(flat_cost_usd_total[5m]))"
            range: { from: $from, to: $to }
            step: 300
          ) {
            points {
              value
            }
          }
        }
      `,
      { from: at(rampAt + 5).toISOString(), to: at(rampAt + 60).toISOString() },
    );
    const came = actual.body.data?.series[0]?.points.map((p) => p.value) ?? [];
    expect(came).toHaveLength(12);
    came.forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(series?.points[i]?.lower ?? Infinity);
      expect(value).toBeLessThanOrEqual(series?.points[i]?.upper ?? -Infinity);
    });
  });

  it.each([
    ['no_such_metric', 3_600, 300, rampAt, 'UNKNOWN_METRIC'],
    ['flat_cost_usd_total', 3 * 86_400, 300, rampAt, 'HORIZON_TOO_LONG'],
    ['flat_cost_usd_total', 3_600, 0, rampAt, 'STEP_OUT_OF_RANGE'],
    ['flat_cost_usd_total', 60, 300, rampAt, 'HORIZON_OUT_OF_RANGE'],
    // Half an hour of history is too little to look an hour ahead; a week before, none at all.
    ['flat_cost_usd_total', 3_600, 300, 30, 'TOO_FEW_POINTS'],
    ['flat_cost_usd_total', 3_600, 300, -7 * 1_440, 'TOO_FEW_POINTS'],
    ['sum(rate(flat_cost_usd_total[5m]', 3_600, 300, rampAt, 'MALFORMED_RULE_EXPRESSION'],
  ])(
    'refuses %s, %d s ahead every %d s (at minute %d), with %s',
    async (metric, horizon, step, minutes, reason) => {
      const { body } = await forecast(metric, horizon, step, at(minutes));
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    },
  );
});

interface AlertView {
  rule: string;
  state: string;
  labels: Record<string, string>;
  transitions: { toState: string; at: string }[];
}

async function alerts(): Promise<AlertView[]> {
  const result = await graphql<{ alerts: AlertView[] }>(
    service.url,
    '{ alerts { rule state labels transitions { toState at } } }',
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.alerts ?? [];
}

describe('the predictive alert', () => {
  const threshold = 3 / 60; // three times the $1 a minute, per second
  const targets = parseForecastTargets(`
    forecasts:
      - name: ramp_cost
        expr: sum(rate(ramp_cost_usd_total[5m]))
        step: 5m
        horizon: 1h
        alert: { name: RampCostForecastHigh, threshold: ${threshold}, severity: warning, summary: ramp }
      - name: flat_cost
        expr: sum(rate(flat_cost_usd_total[5m]))
        step: 5m
        horizon: 1h
        alert: { name: FlatCostForecastHigh, threshold: ${threshold}, severity: warning, summary: flat }
  `);
  const registry = new Registry();
  let monitor: ForecastMonitor;
  let tick: (at: Date) => Promise<void>;

  beforeAll(() => {
    const fork = () => postgres.fork();
    monitor = new ForecastMonitor(targets, fork, silentLogger());
    monitor.registerMetrics(registry);
    // No scrape targets: the series are stored already; the tick forecasts and evaluates.
    tick = monitorTick(
      { targets: [], timeoutMs: 1_000, log: silentLogger() },
      fork,
      new AlertEvaluator([], fork, bus, silentLogger()),
      monitor,
    );
  });

  it('fires in `alerts` before the ramp crosses the threshold, and never on the flat series', async () => {
    const crossing = await graphql<{ series: { points: { at: string; value: number }[] }[] }>(
      service.url,
      `
        query ($from: DateTimeISO!, $to: DateTimeISO!) {
          series(
            metric: "sum(rate(ramp_cost_usd_total[5m]))"
            range: { from: $from, to: $to }
            step: 300
          ) {
            points {
              at
              value
            }
          }
        }
      `,
      { from: at(rampAt - 120).toISOString(), to: at(end).toISOString() },
    );
    const crossedAt = crossing.body.data?.series[0]?.points.find((p) => p.value > threshold)?.at;
    expect(crossedAt).toBeDefined();

    let firedAt: string | undefined;
    for (let m = rampAt - 120; m <= end && !firedAt; m += 5) {
      await tick(at(m));
      firedAt = (await alerts()).find((a) => a.state === 'FIRING')?.transitions.at(-1)?.at;
    }
    expect(firedAt).toBeDefined();
    // Ahead of the crossing, and only once the ramp had begun.
    expect(Date.parse(firedAt ?? '')).toBeLessThan(Date.parse(crossedAt ?? ''));
    expect(Date.parse(firedAt ?? '')).toBeGreaterThan(at(rampAt).getTime());
    const all = await alerts();
    expect(all.map((a) => [a.rule, a.state])).toEqual([['RampCostForecastHigh', 'FIRING']]);
    expect(all[0]?.labels).toMatchObject({ forecast: 'ramp_cost', severity: 'warning' });
  });

  it('scores its forecasts as they come due and exports their MAPE', async () => {
    const text = await registry.metrics();
    const mapeOf = (name: string) =>
      Number(
        new RegExp(`daena_forecast_mape_ratio\\{forecast="${name}"\\} (\\S+)`).exec(text)?.[1],
      );
    const scored = Number(
      /daena_forecast_scored_total\{forecast="flat_cost"\} (\d+)/.exec(text)?.[1],
    );
    // Ticks every 5 min from 2 h before the ramp: forecasts an hour ahead came due from the 13th.
    expect(scored).toBeGreaterThanOrEqual(10);
    // ±10% noise around a flat rate: a few percent of error, not zero and not wild.
    expect(mapeOf('flat_cost')).toBeGreaterThan(0);
    expect(mapeOf('flat_cost')).toBeLessThan(0.1);
    // The ramp outgrew forecasts made before it began: a larger error.
    expect(mapeOf('ramp_cost')).toBeGreaterThan(mapeOf('flat_cost'));
  });

  it("is on the metrics service's /metrics", async () => {
    const text = await (await fetch(new URL('/metrics', service.url))).text();
    expect(text).toContain('# TYPE daena_forecast_mape_ratio gauge');
  });
});
