import { BadInputError } from '@daena/platform/domain';
import type { Point } from '../../alerts/domain/series-set.js';
import { fitBestHoltWinters, forecast, type ForecastPoint } from './holt-winters.js';

const day = 86_400;

/**
 * Bounds of `forecast(metric, horizon, step)`. A day of 5-minute steps ahead at most; history of
 * up to three daily seasons (what the bench trains on), capped so one fit stays a few
 * milliseconds; no forecast from fewer than 12 points, nor further ahead than the history behind
 * it reaches.
 */
export const forecastLimits = {
  maxHorizonPoints: 288,
  maxHistoryPoints: 2_016,
  minHistoryPoints: 12,
  seasonsOfHistory: 3,
  /** The prediction interval's coverage: 95%, z 1.96. */
  coverage: 0.95,
} as const;

export const ForecastMethod = { HOLT_WINTERS: 'HOLT_WINTERS', HOLT: 'HOLT' } as const;
export type ForecastMethod = (typeof ForecastMethod)[keyof typeof ForecastMethod];

export interface ForecastPlan {
  readonly stepSeconds: number;
  readonly horizonPoints: number;
  /** Points per daily season, or 1 when the step does not divide a day. */
  readonly season: number;
  readonly historyPoints: number;
}

/**
 * Checks `horizon` and `step` (seconds) and plans the history to read. Throws BAD_USER_INPUT
 * with reason STEP_OUT_OF_RANGE or HORIZON_TOO_LONG.
 */
export function planForecast(horizonSeconds: number, stepSeconds: number): ForecastPlan {
  if (!Number.isInteger(stepSeconds) || stepSeconds < 1) {
    throw new BadInputError(
      'step must be a whole number of seconds, at least 1',
      'STEP_OUT_OF_RANGE',
      {
        step: stepSeconds,
      },
    );
  }
  if (!Number.isInteger(horizonSeconds) || horizonSeconds < stepSeconds) {
    throw new BadInputError(
      'horizon must be a whole number of seconds, at least one step',
      'HORIZON_OUT_OF_RANGE',
      {
        horizon: horizonSeconds,
        step: stepSeconds,
      },
    );
  }
  const horizonPoints = Math.floor(horizonSeconds / stepSeconds);
  if (horizonPoints > forecastLimits.maxHorizonPoints) {
    throw new BadInputError(
      `a horizon of ${horizonPoints} steps is more than ${forecastLimits.maxHorizonPoints}: use a shorter horizon or a step of at least ${Math.ceil(horizonSeconds / forecastLimits.maxHorizonPoints)} s`,
      'HORIZON_TOO_LONG',
      { horizonPoints, maxHorizonPoints: forecastLimits.maxHorizonPoints },
    );
  }
  const season = day % stepSeconds === 0 && day / stepSeconds > 1 ? day / stepSeconds : 1;
  const historyPoints = Math.min(
    forecastLimits.maxHistoryPoints,
    Math.max(
      forecastLimits.seasonsOfHistory * season,
      4 * horizonPoints,
      forecastLimits.minHistoryPoints,
    ),
  );
  return { stepSeconds, horizonPoints, season, historyPoints };
}

/** The trailing run of points one step apart (a scrape gap ends the history a model can use). */
export function trailingRun(points: readonly Point[], stepSeconds: number): Point[] {
  let start = points.length - 1;
  while (
    start > 0 &&
    (points[start]?.[0] ?? 0) - (points[start - 1]?.[0] ?? 0) === stepSeconds * 1000
  ) {
    start--;
  }
  return points.slice(Math.max(0, start));
}

export interface SeriesForecast {
  readonly method: ForecastMethod;
  /** How many past points the model was fitted on. */
  readonly historyPoints: number;
  readonly points: readonly (ForecastPoint & { readonly at: number })[];
}

/** The fewest history points a forecast `horizonPoints` ahead needs. */
export function neededHistory(plan: ForecastPlan): number {
  return Math.max(forecastLimits.minHistoryPoints, plan.horizonPoints);
}

/**
 * Forecasts one series (points one step apart, oldest first): additive Holt–Winters with a daily
 * season when two seasons and a step of history exist, else Holt's linear trend; parameters by
 * least one-step squared error. Null when the history is shorter than `neededHistory`.
 */
export function forecastPoints(
  points: readonly Point[],
  plan: ForecastPlan,
): SeriesForecast | null {
  const history = trailingRun(points, plan.stepSeconds);
  if (history.length < neededHistory(plan)) return null;
  const seasonal = plan.season > 1 && history.length >= 2 * plan.season + 1;
  const fit = fitBestHoltWinters(
    history.map(([, value]) => value),
    seasonal ? plan.season : 1,
  );
  const last = history[history.length - 1]?.[0] ?? 0;
  return {
    method: seasonal ? ForecastMethod.HOLT_WINTERS : ForecastMethod.HOLT,
    historyPoints: history.length,
    points: forecast(fit, plan.horizonPoints).map((point) => ({
      ...point,
      at: last + point.step * plan.stepSeconds * 1000,
    })),
  };
}
