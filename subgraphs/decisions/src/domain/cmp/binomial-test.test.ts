import { describe, expect, it } from 'vitest';
import { binomialUpperTail, logGamma } from './binomial-test.js';

describe('binomialUpperTail', () => {
  // Reference values: scipy.stats.binom.sf(k - 1, n, p).
  const cases: [number, number, number, number][] = [
    [0, 10, 0.5, 1],
    [11, 10, 0.5, 0],
    [10, 10, 0.5, 0.0009765625],
    [9, 10, 0.5, 0.0107421875],
    [5, 10, 0.5, 0.623046875],
    [15, 20, 0.55, 0.05533419],
    [1, 1, 0.3, 0.3],
    [60, 100, 0.5, 0.02844397],
    [400, 1000, 0.5, 0.99999999991],
  ];
  it.each(cases)('P(X ≥ %i | n = %i, p = %f) = %f', (k, n, p, expected) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(expected, 6);
  });

  it('handles certain coins', () => {
    expect(binomialUpperTail(3, 5, 0)).toBe(0);
    expect(binomialUpperTail(3, 5, 1)).toBe(1);
  });
});

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('ln Γ(%f)', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 9);
  });
});
