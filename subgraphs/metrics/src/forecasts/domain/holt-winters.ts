import { BadInputError } from '@daena/platform/domain';

/**
 * Additive Holt–Winters (triple exponential smoothing) with prediction intervals, after Hyndman,
 * Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing" (2008): ETS(A,A,A), whose
 * h-step variance is σ²·[1 + Σ_{j=1}^{h-1} (α + αβj + γ·[j mod m = 0])²] (their Table 6.1, class 1).
 * With `season` 1 it is Holt's linear trend method.
 */
export interface HoltWintersParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  /** Points per season (e.g. 24 for hourly points and a daily season); 1 for none. */
  readonly season: number;
}

export interface HoltWintersFit {
  readonly params: HoltWintersParams;
  readonly level: number;
  readonly trend: number;
  /** The last `season` seasonal terms, oldest first. */
  readonly seasonal: readonly number[];
  /** Standard deviation of the one-step-ahead errors. */
  readonly sigma: number;
  /** Sum of squared one-step-ahead errors (what the parameter search minimizes). */
  readonly sse: number;
}

export interface ForecastPoint {
  readonly step: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** Fits given parameters: initial level/trend/season from the first two seasons. */
export function fitHoltWinters(
  values: readonly number[],
  params: HoltWintersParams,
): HoltWintersFit {
  const m = params.season;
  if (values.length < 2 * m + 1 || values.length < 3) {
    throw new BadInputError(
      `Holt–Winters needs at least ${Math.max(3, 2 * m + 1)} points, got ${values.length}`,
      'TOO_FEW_POINTS',
    );
  }
  const mean = (from: number, to: number) =>
    values.slice(from, to).reduce((sum, v) => sum + v, 0) / (to - from);
  let level = mean(0, m);
  let trend = m > 1 ? (mean(m, 2 * m) - level) / m : (values[1] ?? 0) - (values[0] ?? 0);
  const seasonal = Array.from({ length: m }, (_, i) => (m > 1 ? (values[i] ?? 0) - level : 0));
  const { alpha, beta, gamma } = params;
  let sse = 0;
  let count = 0;
  for (let t = m; t < values.length; t++) {
    const y = values[t] ?? 0;
    const s = seasonal[t % m] ?? 0;
    const error = y - (level + trend + s);
    sse += error * error;
    count++;
    const previousLevel = level;
    level = alpha * (y - s) + (1 - alpha) * (level + trend);
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
    if (m > 1) seasonal[t % m] = gamma * (y - previousLevel - trend) + (1 - gamma) * s;
  }
  const start = values.length % m;
  const ordered = [...seasonal.slice(start), ...seasonal.slice(0, start)];
  return { params, level, trend, seasonal: ordered, sigma: Math.sqrt(sse / count), sse };
}

const grid = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];

/** The parameters (α, β, γ on a grid) with the least one-step-ahead squared error. */
export function fitBestHoltWinters(values: readonly number[], season: number): HoltWintersFit {
  let best: HoltWintersFit | undefined;
  for (const alpha of grid) {
    for (const beta of grid) {
      for (const gamma of season > 1 ? grid : [0]) {
        const fit = fitHoltWinters(values, { alpha, beta, gamma, season });
        if (!best || fit.sse < best.sse) best = fit;
      }
    }
  }
  if (!best) throw new BadInputError('no Holt–Winters fit', 'TOO_FEW_POINTS');
  return best;
}

/** `horizon` steps ahead with a two-sided `coverage` prediction interval (normal errors). */
export function forecast(fit: HoltWintersFit, horizon: number, z = 1.96): ForecastPoint[] {
  const { alpha, beta, gamma, season } = fit.params;
  let variance = 0;
  return Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    if (h > 1) {
      const j = h - 1;
      const c = alpha + alpha * beta * j + (season > 1 && j % season === 0 ? gamma : 0);
      variance += c * c;
    }
    const value = fit.level + h * fit.trend + (fit.seasonal[i % season] ?? 0);
    const half = z * fit.sigma * Math.sqrt(1 + variance);
    return { step: h, value, lower: value - half, upper: value + half };
  });
}

/** Mean absolute percentage error over the pairs whose actual value is not 0. */
export function mape(actual: readonly number[], predicted: readonly number[]): number {
  const terms = actual.flatMap((y, i) => {
    const p = predicted[i];
    return y === 0 || p === undefined ? [] : [Math.abs((y - p) / y)];
  });
  return terms.length === 0 ? NaN : terms.reduce((sum, v) => sum + v, 0) / terms.length;
}

/**
 * The predictive alert: the first step within the horizon at which the forecast's upper bound
 * crosses `threshold`, or null. Firing on the upper bound warns while the crossing is still only
 * likely; `forecast` itself says how likely through its interval.
 */
export function predictedCrossing(
  points: readonly ForecastPoint[],
  threshold: number,
): number | null {
  return points.find((point) => point.upper > threshold)?.step ?? null;
}
