import { BadInputError } from '@daena/platform/domain';
import type { ForecastPoint } from './holt-winters.js';

/**
 * A least-squares line through the last points (Prometheus's `predict_linear` method), with the
 * regression prediction interval ŷ ± t·s·√(1 + 1/n + (x₀ − x̄)²/Sxx) (e.g. Montgomery, Peck &
 * Vining, "Introduction to Linear Regression Analysis", §2.5), t from Student's distribution
 * with n − 2 degrees of freedom.
 */
export interface LinearTrendFit {
  readonly intercept: number;
  readonly slope: number;
  readonly n: number;
  readonly meanX: number;
  readonly sxx: number;
  /** Residual standard deviation (n − 2 degrees of freedom). */
  readonly sigma: number;
}

export function fitLinearTrend(values: readonly number[]): LinearTrendFit {
  const n = values.length;
  if (n < 3) {
    throw new BadInputError(`a linear trend needs at least 3 points, got ${n}`, 'TOO_FEW_POINTS');
  }
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, v) => sum + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  values.forEach((y, x) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  });
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const sse = values.reduce((sum, y, x) => sum + (y - intercept - slope * x) ** 2, 0);
  return { intercept, slope, n, meanX, sxx, sigma: Math.sqrt(sse / (n - 2)) };
}

/**
 * Student's t quantile from the normal one, Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5);
 * within 1% of the table from 5 degrees of freedom on.
 */
export function studentT(z: number, degrees: number): number {
  const v = degrees;
  return (
    z +
    (z ** 3 + z) / (4 * v) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3)
  );
}

/** `horizon` steps past the last point, with a two-sided interval (z 1.96: 95%). */
export function forecastLinear(fit: LinearTrendFit, horizon: number, z = 1.96): ForecastPoint[] {
  const t = studentT(z, Math.max(1, fit.n - 2));
  return Array.from({ length: horizon }, (_, i) => {
    const x = fit.n - 1 + i + 1;
    const value = fit.intercept + fit.slope * x;
    const half = t * fit.sigma * Math.sqrt(1 + 1 / fit.n + (x - fit.meanX) ** 2 / fit.sxx);
    return { step: i + 1, value, lower: value - half, upper: value + half };
  });
}
