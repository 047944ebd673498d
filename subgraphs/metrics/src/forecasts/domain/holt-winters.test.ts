import { describe, expect, it } from 'vitest';
import {
  fitBestHoltWinters,
  fitHoltWinters,
  forecast,
  mape,
  predictedCrossing,
} from './holt-winters.js';

const seasonal = (n: number, trend: number) =>
  Array.from({ length: n }, (_, t) => 100 + trend * t + 10 * Math.sin((2 * Math.PI * t) / 12));

describe('Holt–Winters', () => {
  it('forecasts a trend with a season nearly exactly, with a tight interval', () => {
    const values = seasonal(120, 0.5);
    const fit = fitBestHoltWinters(values, 12);
    const ahead = forecast(fit, 24);
    const actual = seasonal(144, 0.5).slice(120);
    expect(
      mape(
        actual,
        ahead.map((p) => p.value),
      ),
    ).toBeLessThan(0.01);
    ahead.forEach((point, i) => {
      expect(point.lower).toBeLessThanOrEqual(actual[i] ?? NaN);
      expect(point.upper).toBeGreaterThanOrEqual(actual[i] ?? NaN);
    });
  });

  it('widens the interval with the horizon', () => {
    const noisy = seasonal(96, 0.2).map((v, t) => v + ((t * 7919) % 13) - 6);
    const ahead = forecast(fitBestHoltWinters(noisy, 12), 24);
    const widths = ahead.map((p) => p.upper - p.lower);
    expect(widths[23]).toBeGreaterThan(widths[0] ?? Infinity);
    widths.slice(1).forEach((w, i) => expect(w).toBeGreaterThanOrEqual(widths[i] ?? Infinity));
  });

  it("is Holt's linear method without a season", () => {
    const line = Array.from({ length: 30 }, (_, t) => 5 + 2 * t);
    const fit = fitHoltWinters(line, { alpha: 0.5, beta: 0.5, gamma: 0, season: 1 });
    expect(forecast(fit, 3).map((p) => p.value)).toEqual(
      [65, 67, 69].map((v) => expect.closeTo(v, 6)),
    );
  });

  it('predicts when a rising series will cross a threshold', () => {
    const rising = Array.from({ length: 40 }, (_, t) => 10 + t);
    const ahead = forecast(fitBestHoltWinters(rising, 1), 20);
    // 49 now, one a step: 55 at step 6, above it from step 7 (an exact line has no spread).
    expect(predictedCrossing(ahead, 55)).toBe(7);
    expect(predictedCrossing(ahead, 1_000)).toBeNull();
  });

  it('refuses too short a series', () => {
    expect(() =>
      fitHoltWinters([1, 2, 3], { alpha: 0.5, beta: 0.5, gamma: 0.5, season: 12 }),
    ).toThrow(expect.objectContaining({ reason: 'TOO_FEW_POINTS' }));
  });
});
