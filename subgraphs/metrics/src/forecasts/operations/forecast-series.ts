import { BadInputError } from '@daena/platform/domain';
import type { SeriesLabels } from '../../alerts/domain/series-set.js';
import { querySeries } from '../../series/operations/query-series.js';
import type { SeriesRepository } from '../../series/store/series-repository.js';
import {
  forecastPoints,
  neededHistory,
  planForecast,
  trailingRun,
  type ForecastPlan,
  type SeriesForecast,
} from '../domain/forecast-plan.js';

export interface LabelledForecast extends SeriesForecast {
  readonly labels: SeriesLabels;
  /** The history the model saw, one point a step (the predictive alert reads its tail). */
  readonly history: readonly (readonly [number, number])[];
}

/**
 * `forecast(metric, horizon, step)`: the expression evaluated every `step` over the history the
 * plan asks for (ending at the last whole step before `at`), then each resulting series
 * forecast `horizon` ahead. Bad input is refused before anything is fitted: the errors of
 * `series` (UNKNOWN_METRIC, malformed expressions), HORIZON_TOO_LONG, STEP_OUT_OF_RANGE, and
 * TOO_FEW_POINTS when no series has the history the horizon needs.
 */
export async function forecastSeries(
  repository: SeriesRepository,
  expression: string,
  request: { at: Date; horizonSeconds: number; stepSeconds: number },
): Promise<LabelledForecast[]> {
  const plan = planForecast(request.horizonSeconds, request.stepSeconds);
  return forecastWithPlan(repository, expression, plan, request.at);
}

export async function forecastWithPlan(
  repository: SeriesRepository,
  expression: string,
  plan: ForecastPlan,
  at: Date,
): Promise<LabelledForecast[]> {
  const stepMs = plan.stepSeconds * 1000;
  const to = Math.floor(at.getTime() / stepMs) * stepMs;
  const from = to - (plan.historyPoints - 1) * stepMs;
  const series = await querySeries(
    repository,
    expression,
    { from: new Date(from), to: new Date(to) },
    plan.stepSeconds,
  );
  const forecasts: LabelledForecast[] = [];
  let longest = 0;
  for (const { labels, points } of series) {
    const finite = points.filter(([, value]) => Number.isFinite(value));
    longest = Math.max(longest, trailingRun(finite, plan.stepSeconds).length);
    const result = forecastPoints(finite, plan);
    if (result)
      forecasts.push({ ...result, labels, history: trailingRun(finite, plan.stepSeconds) });
  }
  if (forecasts.length === 0) {
    throw new BadInputError(
      `a forecast ${plan.horizonPoints} steps ahead needs ${neededHistory(plan)} points of history one step apart; the longest series has ${longest}`,
      'TOO_FEW_POINTS',
      { points: longest, needed: neededHistory(plan) },
    );
  }
  return forecasts;
}
