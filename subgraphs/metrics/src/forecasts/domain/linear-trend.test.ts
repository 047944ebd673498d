import { describe, expect, it } from 'vitest';
import { fitLinearTrend, forecastLinear, studentT } from './linear-trend.js';

describe('linear trend', () => {
  it('extrapolates an exact line with no spread', () => {
    const ahead = forecastLinear(fitLinearTrend([3, 5, 7, 9, 11]), 3);
    expect(ahead.map((p) => [p.value, p.lower, p.upper])).toEqual(
      [13, 15, 17].map((v) => [v, v, v].map((x) => expect.closeTo(x, 9))),
    );
  });

  it('widens its interval the further it reaches, around the fitted line', () => {
    const noisy = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16];
    const ahead = forecastLinear(fitLinearTrend(noisy), 5);
    const widths = ahead.map((p) => p.upper - p.lower);
    widths.slice(1).forEach((w, i) => expect(w).toBeGreaterThan(widths[i] ?? Infinity));
    ahead.forEach((p) => expect(p.value).toBeCloseTo((p.lower + p.upper) / 2, 9));
  });

  it("approximates Student's t quantiles", () => {
    // Tables: t(0.975; 5) = 2.571, t(0.975; 10) = 2.228, t(0.975; 30) = 2.042.
    expect(studentT(1.96, 5)).toBeCloseTo(2.571, 1);
    expect(studentT(1.96, 10)).toBeCloseTo(2.228, 2);
    expect(studentT(1.96, 30)).toBeCloseTo(2.042, 2);
  });

  it('refuses fewer than three points', () => {
    expect(() => fitLinearTrend([1, 2])).toThrow(
      expect.objectContaining({ reason: 'TOO_FEW_POINTS' }),
    );
  });
});
