import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../contracts.js';
import { LATENCY_BINS } from './latency-histogram.js';
import { StatsWindow } from './stats-window.js';

const hour = 60 * 60 * 1000;
const t0 = new Date('2025-03-01T00:00:00Z').getTime();
const call = (over: Partial<CallOutcome> = {}): CallOutcome => ({
  model: 'm',
  taskType: 'code',
  at: new Date(t0 + 10 * 60_000),
  ok: true,
  errorKind: null,
  latencyMs: 400,
  inputTokens: 100,
  outputTokens: 50,
  costUsd: 0.001,
  quality: 0.8,
  ...over,
});

describe('StatsWindow', () => {
  it('sums a pair’s calls across hours', () => {
    const w = new StatsWindow();
    w.add(call());
    w.add(call({ at: new Date(t0 + 3 * hour), quality: 0.4 }));
    w.add(call({ ok: false, errorKind: 'timeout', quality: null, latencyMs: 30_000 }));
    const [s] = w.summaries(new Date(t0 + 4 * hour));
    expect(s).toMatchObject({ calls: 3, errors: 1, qualitySignals: 2, inputTokens: 300 });
    expect(s?.errorRate).toBeCloseTo(1 / 3, 12);
    expect(s?.meanQuality).toBeCloseTo(0.6, 12);
    expect(s?.costUsd).toBeCloseTo(0.003, 12);
    // The timeout's 30 s is not a latency of the model answering.
    expect(s?.latencyP95Ms).toBeLessThan(520);
  });

  const filters: [string, { model?: string; taskType?: 'code' | 'planning' }, number][] = [
    ['no filter', {}, 3],
    ['by model', { model: 'a' }, 2],
    ['by task type', { taskType: 'planning' }, 1],
    ['by both', { model: 'b', taskType: 'code' }, 1],
    ['nothing matches', { model: 'c' }, 0],
  ];
  it.each(filters)('filters summaries: %s', (_name, filter, count) => {
    const w = new StatsWindow();
    w.add(call({ model: 'a' }));
    w.add(call({ model: 'a', taskType: 'planning' }));
    w.add(call({ model: 'b' }));
    expect(w.summaries(new Date(t0), filter)).toHaveLength(count);
  });

  it('leaves out buckets older than the window and drops them on expire', () => {
    const w = new StatsWindow(24 * hour);
    w.add(call());
    w.add(call({ at: new Date(t0 + 30 * hour) }));
    expect(w.summaries(new Date(t0 + 30 * hour))[0]?.calls).toBe(1);
    expect(w.summaries(new Date(t0 + 30 * hour))[0]?.windowStart).toEqual(new Date(t0 + 6 * hour));
    w.expire(new Date(t0 + 60 * hour));
    expect(w.summaries(new Date(t0 + 30 * hour))).toEqual([]);
  });

  it('hands out increments once, so adding them to stored rows never double counts', () => {
    const w = new StatsWindow();
    w.add(call());
    w.add(call());
    const first = w.drainDirty();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ calls: 2, bucketStart: new Date(t0) });
    expect(first[0]?.latencyHistogram).toHaveLength(LATENCY_BINS);
    w.add(call());
    expect(w.drainDirty()[0]?.calls).toBe(1);
    expect(w.drainDirty()).toEqual([]);
  });

  it('reloads stored buckets additively and without marking them dirty', () => {
    const source = new StatsWindow();
    source.add(call());
    source.add(call({ quality: 0.2 }));
    const stored = source.drainDirty();
    const w = new StatsWindow();
    w.load(stored);
    w.add(call({ quality: 0.5 }));
    const [s] = w.summaries(new Date(t0));
    expect(s).toMatchObject({ calls: 3, qualitySignals: 3 });
    expect(s?.meanQuality).toBeCloseTo(0.5, 12);
    expect(w.drainDirty()[0]?.calls).toBe(1);
  });
});
