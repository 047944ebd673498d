import { InProcessEventBus, type RunningService } from '@daena/platform';
import { createTestDatabase, graphql, silentLogger, type TestDatabase } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeriesRepository, type PointDraft } from '../src/series/store/series-repository.js';
import { openMetricsStore, startMetrics } from './start-metrics.js';

let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;

const minute = 60_000;
const t0 = Date.parse('2026-11-24T10:00:00.000Z');

/** A counter growing by `perMinute` for 30 minutes, as scrapes would have stored it. */
function counter(name: string, labels: Record<string, string>, perMinute: number): PointDraft[] {
  return Array.from({ length: 31 }, (_, i) => ({
    name,
    labels: { ...labels, job: 'daena', instance: '127.0.0.1:4000' },
    at: new Date(t0 + i * minute),
    value: i * perMinute,
  }));
}

beforeAll(async () => {
  database = await createTestDatabase('metrics_kpis');
  bus = new InProcessEventBus(silentLogger());
  service = await startMetrics(database.url, bus);
  await service.ready;
  const postgres = await openMetricsStore(database.url);
  const gateway = { service: 'gateway', operation_type: 'query' };
  await new SeriesRepository(postgres.fork()).record([
    ...counter('graphql_request_duration_seconds_bucket', { ...gateway, le: '0.1' }, 90),
    ...counter('graphql_request_duration_seconds_bucket', { ...gateway, le: '1' }, 98),
    ...counter('graphql_request_duration_seconds_bucket', { ...gateway, le: '+Inf' }, 100),
    ...counter('graphql_requests_total', { ...gateway, outcome: 'ok' }, 98),
    ...counter('graphql_requests_total', { ...gateway, outcome: 'error' }, 2),
    ...counter('daena_agent_task_updates_total', { status: 'DONE' }, 99),
    ...counter('daena_agent_task_updates_total', { status: 'FAILED' }, 1),
    ...counter('daena_agent_task_updates_total', { status: 'RUNNING' }, 300),
    ...counter('daena_cmp_decisions_total', { outcome: 'ACCEPTED' }, 9),
    ...counter('daena_cmp_decisions_total', { outcome: 'NO_CONSENSUS' }, 1),
    // 4 of 5 decisions right by their recorded outcomes; undecided ones are left out.
    ...counter('daena_cmp_outcomes_total', { kind: 'BRAND', correct: 'true' }, 4),
    ...counter('daena_cmp_outcomes_total', { kind: 'BRAND', correct: 'false' }, 1),
    ...counter('daena_cmp_outcomes_total', { kind: 'BRAND', correct: 'undecided' }, 5),
    ...counter('router_cost_usd_total', { model: 'm1' }, 3),
    ...counter('router_calls_total', { model: 'm1', result: 'ok' }, 9),
    ...counter('router_calls_total', { model: 'm1', result: 'timeout' }, 1),
    ...counter('up', {}, 0).map((point) => ({ ...point, value: 1 })),
  ]);
  await postgres.close();
});
afterAll(async () => {
  await service?.close();
  await bus?.close();
  await database?.drop();
});

interface KpiView {
  name: string;
  value: number | null;
  target: number;
  goal: string;
  status: string;
}

async function kpis(at: Date): Promise<KpiView[]> {
  const result = await graphql<{ kpis: KpiView[] }>(
    service.url,
    'query ($at: DateTimeISO) { kpis(at: $at) { name value target goal status } }',
    { at: at.toISOString() },
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.kpis ?? [];
}

describe('kpis', () => {
  it('returns every seed KPI with its value, target and status', async () => {
    const byName = Object.fromEntries(
      (await kpis(new Date(t0 + 30 * minute))).map((k) => [k.name, k]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'agent_success_ratio',
      'cmp_accuracy_ratio',
      'cmp_consensus_ratio',
      'cost_per_decision_usd',
      'error_ratio',
      'response_time_p95_seconds',
      'routing_efficiency_ratio',
      'uptime_ratio',
    ]);
    expect(byName['error_ratio']).toMatchObject({
      target: 0.01,
      goal: 'BELOW',
      status: 'BREACHED',
    });
    expect(byName['error_ratio']?.value).toBeCloseTo(0.02, 9);
    expect(byName['agent_success_ratio']?.value).toBeCloseTo(0.99, 9);
    expect(byName['agent_success_ratio']?.status).toBe('OK');
    // 90% below 0.1 s, 98% below 1 s: p95 interpolates inside (0.1, 1].
    expect(byName['response_time_p95_seconds']?.value).toBeCloseTo(0.1 + 0.9 * (5 / 8), 9);
    expect(byName['response_time_p95_seconds']?.status).toBe('BREACHED');
    expect(byName['cmp_consensus_ratio']?.value).toBeCloseTo(0.9, 9);
    expect(byName['cmp_accuracy_ratio']).toMatchObject({ target: 0.9, status: 'BREACHED' });
    expect(byName['cmp_accuracy_ratio']?.value).toBeCloseTo(0.8, 9);
    expect(byName['cost_per_decision_usd']?.value).toBeCloseTo(0.3, 9);
    expect(byName['routing_efficiency_ratio']?.value).toBeCloseTo(0.9, 9);
    expect(byName['uptime_ratio']).toMatchObject({ value: 1, status: 'OK' });
  });

  it('says NO_DATA, not zero, before anything was measured', async () => {
    const earlier = await kpis(new Date(t0 - 7 * 24 * 60 * minute));
    expect(earlier.map((kpi) => [kpi.value, kpi.status])).toEqual(
      earlier.map(() => [null, 'NO_DATA']),
    );
    expect(earlier).toHaveLength(8);
  });
});

interface SeriesView {
  labels: Record<string, string>;
  points: { at: string; value: number }[];
}

async function series(metric: string, from: number, to: number, step: number) {
  return graphql<{ series: SeriesView[] }>(
    service.url,
    `
      query ($metric: String!, $from: DateTimeISO!, $to: DateTimeISO!, $step: Int!) {
        series(metric: $metric, range: { from: $from, to: $to }, step: $step) {
          labels
          points {
            at
            value
          }
        }
      }
    `,
    { metric, from: new Date(from).toISOString(), to: new Date(to).toISOString(), step },
  );
}

describe('series(metric, range, step)', () => {
  it('returns a stored metric at each step, with its labels', async () => {
    const { body } = await series(
      'graphql_requests_total{outcome="error"}',
      t0,
      t0 + 10 * minute,
      300,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.series).toEqual([
      {
        labels: {
          __name__: 'graphql_requests_total',
          service: 'gateway',
          operation_type: 'query',
          outcome: 'error',
          job: 'daena',
          instance: '127.0.0.1:4000',
        },
        points: [0, 5, 10].map((m) => ({
          at: new Date(t0 + m * minute).toISOString(),
          value: 2 * m,
        })),
      },
    ]);
  });

  it('evaluates a panel expression (a rate summed by a label)', async () => {
    const { body } = await series(
      'sum by (outcome) (rate(graphql_requests_total[5m]))',
      t0 + 10 * minute,
      t0 + 20 * minute,
      600,
    );
    const byOutcome = new Map(
      (body.data?.series ?? []).map((s) => [s.labels['outcome'], s.points.map((p) => p.value)]),
    );
    expect(byOutcome.get('ok')?.map((v) => v * 60)).toEqual(
      [98, 98].map((v) => expect.closeTo(v, 9)),
    );
    expect(byOutcome.get('error')?.map((v) => v * 60)).toEqual(
      [2, 2].map((v) => expect.closeTo(v, 9)),
    );
  });

  it.each([
    ['no_such_metric', t0, t0 + minute, 60, 'UNKNOWN_METRIC'],
    ['up', t0 + minute, t0, 60, 'INVERTED_RANGE'],
    ['up', t0 - 30 * 24 * 60 * minute, t0, 60, 'TOO_MANY_POINTS'],
    ['up', t0, t0 + minute, 0, 'STEP_OUT_OF_RANGE'],
    ['sum(rate(up[5m]', t0, t0 + minute, 60, 'MALFORMED_RULE_EXPRESSION'],
    ['topk(1, up)', t0, t0 + minute, 60, 'UNSUPPORTED_PROMQL'],
  ])('refuses %s from %d to %d every %d s with %s', async (metric, from, to, step, reason) => {
    const { body } = await series(metric, from, to, step);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });
});
