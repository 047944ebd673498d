import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../contracts.js';
import { PerformanceTracker } from './performance-tracker.js';
import { priorFor } from './quality-posterior.js';
import { seededRandom } from './seeded-random.js';

const t0 = new Date('2025-05-01T12:00:00Z');
let clock = t0;
const now = () => clock;

const call = (over: Partial<CallOutcome> = {}): CallOutcome => ({
  model: 'mini',
  taskType: 'code',
  at: clock,
  ok: true,
  errorKind: null,
  latencyMs: 600,
  inputTokens: 500,
  outputTokens: 200,
  costUsd: 0.0002,
  quality: 1,
  ...over,
});

const tracker = () =>
  new PerformanceTracker({
    now,
    prior: (model, taskType) =>
      priorFor({ priorQuality: model === 'big' ? { default: 0.9 } : {} }, taskType),
  });

describe('PerformanceTracker', () => {
  it('starts each pair at its prior', () => {
    const t = tracker();
    expect(t.posterior('big', 'code').mean).toBeCloseTo(0.9, 12);
    expect(t.posterior('mini', 'code').mean).toBeCloseTo(0.5, 12);
  });

  const updates: [
    string,
    Partial<CallOutcome>,
    { posteriorObservations: number; calls: number; errors: number },
  ][] = [
    [
      'a scored success moves the posterior',
      { quality: 0.9 },
      { posteriorObservations: 1, calls: 1, errors: 0 },
    ],
    [
      'an unscored success does not',
      { quality: null },
      { posteriorObservations: 0, calls: 1, errors: 0 },
    ],
    [
      'an outage error does not',
      { ok: false, errorKind: 'server_error', quality: null },
      { posteriorObservations: 0, calls: 1, errors: 1 },
    ],
    [
      'a garbage answer counts as quality 0',
      { ok: false, errorKind: 'bad_response', quality: null },
      { posteriorObservations: 1, calls: 1, errors: 1 },
    ],
  ];
  it.each(updates)('%s', (_name, over, expected) => {
    const t = tracker();
    t.record(call(over));
    const [stats] = t.stats({ model: 'mini' });
    expect(t.posterior('mini', 'code').state().observations).toBe(expected.posteriorObservations);
    expect(stats).toMatchObject({ calls: expected.calls, errors: expected.errors });
  });

  it('reports stats with the posterior the selection uses', () => {
    const t = tracker();
    for (let i = 0; i < 10; i++) t.record(call({ quality: i < 8 ? 1 : 0 }));
    t.record(call({ model: 'big', taskType: 'planning' }));
    const [mini] = t.stats({ model: 'mini', taskType: 'code' });
    expect(mini).toMatchObject({ calls: 10, qualitySignals: 10, meanQuality: 0.8 });
    expect(mini?.posteriorMean).toBeCloseTo(t.posterior('mini', 'code').mean, 12);
    expect(mini?.posteriorStdDev).toBeGreaterThan(0);
    expect(mini?.latencyP50Ms).toBeGreaterThan(450);
    expect(t.stats()).toHaveLength(2);
  });

  it('forgets calls older than the window', () => {
    const t = new PerformanceTracker({ now, windowMs: 24 * 3600_000 });
    t.record(call());
    clock = new Date(t0.getTime() + 2 * 24 * 3600_000);
    try {
      expect(t.stats()).toEqual([]);
    } finally {
      clock = t0;
    }
  });

  it('on a quality drop, raises a drift event and discounts the pair so it is explored again', () => {
    const t = tracker();
    const random = seededRandom(21);
    const events = [];
    for (let i = 0; i < 600 && events.length === 0; i++) {
      const good = random() < (i < 400 ? 0.85 : 0.55);
      const fired = t.record(call({ quality: good ? 1 : 0 }));
      if (fired.length > 0) {
        expect(i).toBeGreaterThanOrEqual(400);
        events.push(...fired);
      }
    }
    expect(events).toEqual([
      expect.objectContaining({
        model: 'mini',
        taskType: 'code',
        metric: 'quality',
        direction: 'worse',
      }),
    ]);
    // ~370 remembered signals before, ~37 after: the posterior is wide again.
    expect(t.posterior('mini', 'code').effectiveObservations).toBeLessThan(45);
    expect(t.posterior('mini', 'code').stdDev).toBeGreaterThan(0.05);
  });

  it('raises a latency drift event when a model slows down, without touching its quality', () => {
    const t = tracker();
    const random = seededRandom(5);
    const events = [];
    for (let i = 0; i < 400; i++) {
      const latencyMs = (i < 200 ? 500 : 2000) * Math.exp(0.3 * (random() - 0.5));
      events.push(...t.record(call({ latencyMs, quality: null })));
    }
    expect(events.map((e) => e.metric)).toEqual(['latency']);
    expect(t.posterior('mini', 'code').state().observations).toBe(0);
  });

  it('persists increments and posteriors, and a new tracker reloads the same view', () => {
    const t = tracker();
    for (let i = 0; i < 5; i++) t.record(call({ quality: 0.6 }));
    const snapshot = { buckets: t.dirtyBuckets(), posteriors: t.posteriorStates() };
    expect(t.dirtyBuckets()).toEqual([]);
    expect(snapshot.posteriors).toEqual([
      { model: 'mini', taskType: 'code', state: t.posterior('mini', 'code').state() },
    ]);
    const restarted = tracker();
    restarted.load(snapshot);
    expect(restarted.stats()).toEqual(t.stats());
    expect(restarted.dirtyBuckets()).toEqual([]);
  });
});
