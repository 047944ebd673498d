import { describe, expect, it } from 'vitest';
import {
  addLatency,
  emptyLatencyHistogram,
  LATENCY_BINS,
  latencyBin,
  latencyBinEdge,
  latencyQuantile,
  mergeLatencyHistograms,
} from './latency-histogram.js';
import { seededRandom } from './seeded-random.js';

const histogramOf = (latencies: number[]) => {
  const h = emptyLatencyHistogram();
  for (const ms of latencies) addLatency(h, ms);
  return h;
};

describe('latencyBin', () => {
  const cases: [string, number, number][] = [
    ['zero', 0, 0],
    ['below the first edge', 0.2, 0],
    ['one millisecond', 1, 0],
    ['above the last edge', 10 * 60_000, LATENCY_BINS - 1],
    ['not a number', Number.NaN, 0],
  ];
  it.each(cases)('%s → bin %#', (_name, ms, bin) => {
    expect(latencyBin(ms)).toBe(bin);
  });

  it('puts every edge at the start of its own bin', () => {
    for (let i = 1; i < LATENCY_BINS; i++) expect(latencyBin(latencyBinEdge(i) * 1.0001)).toBe(i);
    expect(latencyBinEdge(LATENCY_BINS)).toBeCloseTo(120_000, 6);
  });
});

describe('latencyQuantile', () => {
  it('is null when empty', () => {
    expect(latencyQuantile(emptyLatencyHistogram(), 0.5)).toBeNull();
  });

  it('reads p50 and p95 of a lognormal within a bin’s width', () => {
    const random = seededRandom(4);
    const latencies = Array.from({ length: 20_000 }, () => {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return 800 * Math.exp(0.6 * z);
    });
    const h = histogramOf(latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    for (const q of [0.5, 0.95]) {
      const exact = sorted[Math.floor(q * sorted.length)] ?? 0;
      const read = latencyQuantile(h, q) ?? 0;
      expect(Math.abs(Math.log(read / exact))).toBeLessThan(0.1);
    }
  });

  it('a single call is its own p50 to within a bin', () => {
    const read = latencyQuantile(histogramOf([250]), 0.5) ?? 0;
    expect(read / 250).toBeGreaterThan(1 / 1.28);
    expect(read / 250).toBeLessThan(1.28);
  });
});

describe('mergeLatencyHistograms', () => {
  it('adds elementwise, so merging equals counting everything in one', () => {
    const a = [5, 40, 300];
    const b = [7, 4000, 90_000];
    expect(mergeLatencyHistograms(histogramOf(a), histogramOf(b))).toEqual(
      histogramOf([...a, ...b]),
    );
  });

  it('reads a short stored array as zeros', () => {
    const merged = mergeLatencyHistograms([1, 2], histogramOf([1]));
    expect(merged).toHaveLength(LATENCY_BINS);
    expect(merged.slice(0, 3)).toEqual([2, 2, 0]);
  });
});
