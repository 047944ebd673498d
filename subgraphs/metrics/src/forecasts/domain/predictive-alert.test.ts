import { describe, expect, it } from 'vitest';
import { predictiveCrossing } from './predictive-alert.js';

/** Deterministic noise in [-1, 1] (a linear congruential generator, seeded). */
function noise(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  };
}

const horizon = 12;
const threshold = 300;

/** 100 ± 10 for 300 steps, then (from `rampAt`) a climb of 10 a step. */
function series(rampAt: number, length: number, seed = 7): number[] {
  const random = noise(seed);
  return Array.from(
    { length },
    (_, t) => 100 + 10 * random() + (t >= rampAt ? 10 * (t - rampAt) : 0),
  );
}

/** The first step at which the alert holds, stepping through `values` as they arrive. */
function firstAlert(values: readonly number[]): number | null {
  for (let t = horizon; t <= values.length; t++) {
    if (predictiveCrossing(values.slice(0, t), horizon, threshold)) return t - 1;
  }
  return null;
}

describe('the predictive alert', () => {
  it.each([1, 2, 3, 4, 5])('fires ahead of an injected ramp crossing (seed %i)', (seed) => {
    const values = series(300, 340, seed);
    const crossed = values.findIndex((v) => v > threshold);
    const fired = firstAlert(values);
    expect(crossed).toBeGreaterThan(300);
    expect(fired).not.toBeNull();
    // Fired at least a few steps (here 5-minute steps: 15 min) before the series crossed.
    expect(crossed - (fired ?? Infinity)).toBeGreaterThanOrEqual(3);
    expect(fired).toBeGreaterThanOrEqual(300);
  });

  it.each([1, 2, 3, 4, 5])('stays quiet on a flat noisy series (seed %i)', (seed) => {
    expect(firstAlert(series(Infinity, 600, seed))).toBeNull();
  });

  it('says when and how high the crossing is forecast', () => {
    const line = Array.from({ length: 12 }, (_, t) => 200 + 10 * t); // 310 at step 11 ahead…
    const found = predictiveCrossing(line.slice(0, 10), horizon, threshold);
    // 290 now; 300 one step later is not above it, 310 two steps later is.
    expect(found?.step).toBe(2);
    expect(found?.point.value).toBeCloseTo(310, 9);
  });

  it('does not guess from fewer than three points', () => {
    expect(predictiveCrossing([1, 1_000], horizon, threshold)).toBeNull();
  });
});
