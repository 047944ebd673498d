import { describe, expect, it } from 'vitest';
import { bucketQuantile, extrapolatedIncrease } from './promql-functions.js';

const minute = 60_000;

describe('extrapolatedIncrease (Prometheus 2.x rate/increase)', () => {
  it.each([
    // A steady counter sampled every minute across the whole window: exactly its increase.
    [
      [
        [0, 0],
        [minute, 10],
        [2 * minute, 20],
      ],
      0,
      2 * minute,
      20,
    ],
    // A counter reset adds the value before the reset back.
    [
      [
        [0, 10],
        [minute, 15],
        [2 * minute, 5],
      ],
      0,
      2 * minute,
      10,
    ],
    // Close to an edge (< 1.1 intervals) it extrapolates to the edge: 10 → 20 over 1 minute in a
    // 3-minute window is 30.
    [
      [
        [minute, 10],
        [2 * minute, 20],
      ],
      0,
      3 * minute,
      30,
    ],
    // Far from an edge only half an interval, and never below zero: 10 → 20 at 2 and 3 minutes of
    // a 5-minute window extrapolates 60 s back (to zero) and 30 s forward: 10 × 150/60.
    [
      [
        [2 * minute, 10],
        [3 * minute, 20],
      ],
      0,
      5 * minute,
      25,
    ],
    [[[0, 1]], 0, minute, null],
  ] as const)('%j in [%d, %d] is %s', (points, start, end, expected) => {
    const value = extrapolatedIncrease(points, start, end);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });
});

describe('bucketQuantile (histogram_quantile)', () => {
  const buckets = [
    { upperBound: 0.1, count: 50 },
    { upperBound: 1, count: 90 },
    { upperBound: Infinity, count: 100 },
  ];

  it.each([
    [0.5, 0.1],
    [0.25, 0.05],
    [0.7, 0.1 + 0.9 * 0.5],
    // In the +Inf bucket: the highest finite bound.
    [0.95, 1],
    [-1, -Infinity],
    [2, Infinity],
  ])('φ=%d is %d', (phi, expected) =>
    expect(bucketQuantile(phi, buckets)).toBeCloseTo(expected, 9),
  );

  it('is NaN without a +Inf bucket or observations', () => {
    expect(bucketQuantile(0.5, buckets.slice(0, 2))).toBeNaN();
    expect(
      bucketQuantile(
        0.5,
        buckets.map((b) => ({ ...b, count: 0 })),
      ),
    ).toBeNaN();
  });
});
