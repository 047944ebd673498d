import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, wilsonInterval } from './wilson-interval.js';

describe('wilsonInterval', () => {
  // Reference values from Wilson's closed form evaluated independently (5 of 10 → [0.2366, 0.7634]).
  const cases: [number, number, number, number][] = [
    [0.5, 10, 0.23659309, 0.76340691],
    [0.8, 20, 0.58398257, 0.91934234],
    [1, 8, 0.67559244, 1],
    [0, 8, 0, 0.32440756],
    [0.72, 64, 0.59997601, 0.81510941],
  ];
  it.each(cases)('p̂ = %f, n = %f → [%f, %f]', (p, n, low, high) => {
    const interval = wilsonInterval(p, n);
    expect(interval.low).toBeCloseTo(low, 6);
    expect(interval.high).toBeCloseTo(high, 6);
  });

  it('says nothing without a sample', () => {
    expect(wilsonInterval(0.7, 0)).toEqual({ low: 0, high: 1 });
  });

  it('narrows as the sample grows', () => {
    const small = wilsonInterval(0.6, 10);
    const large = wilsonInterval(0.6, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe('effectiveSampleSize', () => {
  it.each([
    ['equal weights count fully', [1, 1, 1, 1], 4],
    ['scale does not matter', [0.25, 0.25, 0.25, 0.25], 4],
    ['one dominant weight counts about once', [100, 1, 1], 102 ** 2 / 10002],
    ['no weight, no sample', [], 0],
  ])('%s', (_name, weights, expected) => {
    expect(effectiveSampleSize(weights as number[])).toBeCloseTo(expected as number, 10);
  });
});
