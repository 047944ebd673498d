import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

const options = { baseMs: 100, capMs: 1_000 };
const rngOf = (value: number) => () => value;

describe('backoffDelayMs (full jitter)', () => {
  it.each([
    // retry, rng, retry-after, expected
    [1, 0.999, null, 99],
    [2, 0.999, null, 199],
    [3, 0.5, null, 200],
    [4, 0.999, null, 799],
    [5, 0.999, null, 999], // capped: 100 · 2^4 = 1600 > 1000
    [12, 0.999, null, 999],
    [1, 0, null, 0], // full jitter may retry at once
    [1, 0.5, 1_500, 1_500], // the provider's retry-after is a floor
    [4, 0.999, 300, 799], // …not a ceiling
    [1, 0.5, 5_000, 5_000], // and may exceed the cap: the executor decides whether to wait
  ])('retry %i with rng %f and retry-after %s waits %i ms', (retry, rng, retryAfter, expected) => {
    expect(backoffDelayMs(retry, rngOf(rng), retryAfter, options)).toBe(expected);
  });

  it('spreads delays over the whole range', () => {
    let seed = 1;
    const lcg = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const delays = Array.from({ length: 1_000 }, () => backoffDelayMs(4, lcg, null, options));
    expect(Math.min(...delays)).toBeLessThan(100);
    expect(Math.max(...delays)).toBeGreaterThan(700);
    expect(Math.max(...delays)).toBeLessThan(800);
  });
});
