import { BadInputError } from '@daena/platform/domain';
import { windowOf } from '../../alerts/operations/alert-evaluator.js';
import { parsePromql } from '../../alerts/domain/promql-parse.js';
import { seriesSet } from '../../alerts/domain/series-set.js';
import { rangeQuery, rangeSteps, type RangeSeries } from '../domain/range-query.js';
import type { SeriesRepository } from '../store/series-repository.js';

/**
 * `series(metric, range, step)`: a PromQL expression (a metric name at its simplest) evaluated
 * at every step over the stored series. Every bad input is refused before any series is read:
 * malformed expressions, inverted ranges, too many points, and metrics nothing ever stored
 * (UNKNOWN_METRIC, so a typo is not mistaken for a quiet series).
 */
export async function querySeries(
  repository: SeriesRepository,
  expression: string,
  range: { from: Date; to: Date },
  stepSeconds: number,
): Promise<RangeSeries[]> {
  const expr = parsePromql(expression);
  const steps = rangeSteps(range.from, range.to, stepSeconds);
  const window = windowOf([{ expr }]);
  for (const name of window.names) {
    if (!(await repository.exists(name))) {
      throw new BadInputError(`no series named ${name} was ever stored`, 'UNKNOWN_METRIC', {
        metric: name,
      });
    }
  }
  const from = new Date(range.from.getTime() - window.spanMs);
  const data = seriesSet(await repository.load(window.filters, from, range.to));
  return rangeQuery(expr, steps, data);
}
