import { describe, expect, it } from 'vitest';
import { capWeights } from './weight-cap.js';

describe('capWeights', () => {
  const cases: [string, number[], number, number[]][] = [
    ['nothing to weigh', [], 0.2, []],
    [
      'proportional when no one exceeds the cap',
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      0.2,
      Array(10).fill(0.1),
    ],
    [
      'one giant is held at the cap, the rest share',
      [96, 1, 1, 1, 1, 1],
      0.2,
      [0.2, 0.16, 0.16, 0.16, 0.16, 0.16],
    ],
    [
      'capping one can push another over: repeat',
      [50, 20, 1, 1, 1, 1, 1],
      0.2,
      [0.2, 0.2, 0.12, 0.12, 0.12, 0.12, 0.12],
    ],
    ['fewer than 1/cap voters: the cap rises to 1/n', [3, 1], 0.2, [0.5, 0.5]],
    ['zeros share what the capped leave', [1, 1, 1, 1, 0, 0], 0.2, [0.2, 0.2, 0.2, 0.2, 0.1, 0.1]],
    ['all zero: equal', [0, 0, 0, 0, 0], 0.2, Array(5).fill(0.2)],
    [
      'negative and NaN count as zero',
      [-1, Number.NaN, 2, 2, 2, 2, 2],
      0.2,
      [0, 0, 0.2, 0.2, 0.2, 0.2, 0.2],
    ],
  ];
  it.each(cases)('%s', (_name, raw, cap, expected) => {
    const weights = capWeights(raw, cap);
    expect(weights).toHaveLength(expected.length);
    weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it('always sums to 1 and respects the cap', () => {
    const raw = Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 1000 : (i % 13) + 0.5));
    const weights = capWeights(raw, 0.02);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...weights)).toBeLessThanOrEqual(0.02 + 1e-15);
  });
});
