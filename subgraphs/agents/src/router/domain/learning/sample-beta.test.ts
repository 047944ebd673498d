import { describe, expect, it } from 'vitest';
import { fillNormals, sampleBeta, sampleGamma, sampleNormal } from './sample-beta.js';
import { seededRandom } from './seeded-random.js';

function moments(draw: () => number, n = 40_000) {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

describe('sampleGamma', () => {
  // Gamma(k, 1) has mean k and variance k; shapes below 1 go through the boost.
  it.each([0.3, 0.9, 1, 2.5, 40])('shape %s has mean and variance equal to the shape', (shape) => {
    const random = seededRandom(11);
    const m = moments(() => sampleGamma(shape, random));
    expect(Math.abs(m.mean - shape)).toBeLessThan(4 * Math.sqrt(shape / 40_000));
    expect(m.variance / shape).toBeGreaterThan(0.93);
    expect(m.variance / shape).toBeLessThan(1.07);
  });

  it('rejects a shape that is not positive', () => {
    expect(() => sampleGamma(0, Math.random)).toThrow(RangeError);
  });
});

describe('sampleBeta', () => {
  const cases: [string, number, number][] = [
    ['uniform', 1, 1],
    ['a strong prior of 0.8', 80, 20],
    ['skewed with little evidence', 0.5, 3],
    ['near the top', 199, 1],
  ];
  it.each(cases)('%s: Beta(%s, %s) matches its mean and variance', (_name, a, b) => {
    const random = seededRandom(42);
    const m = moments(() => sampleBeta(a, b, random));
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / 40_000) + 1e-9);
    expect(m.variance / variance).toBeGreaterThan(0.93);
    expect(m.variance / variance).toBeLessThan(1.07);
  });

  it('stays within [0, 1] and replays under the same seed', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const x = sampleBeta(0.2, 0.2, a);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(sampleBeta(0.2, 0.2, b)).toBe(x);
    }
  });
});

describe('sampleNormal', () => {
  it('is standard normal', () => {
    const random = seededRandom(5);
    const m = moments(() => sampleNormal(random));
    expect(Math.abs(m.mean)).toBeLessThan(0.02);
    expect(m.variance).toBeCloseTo(1, 1);
  });
});

describe('fillNormals', () => {
  it('fills odd and even lengths with standard normals', () => {
    const random = seededRandom(8);
    const buffer = new Float64Array(7);
    const m = moments(() => {
      fillNormals(buffer, random);
      return buffer[6] ?? Number.NaN;
    }, 20_000);
    expect(Math.abs(m.mean)).toBeLessThan(0.03);
    expect(m.variance).toBeCloseTo(1, 1);
  });
});
