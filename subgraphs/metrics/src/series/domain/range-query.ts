import { BadInputError } from '@daena/platform/domain';
import type { Expr } from '../../alerts/domain/promql-ast.js';
import { evaluate } from '../../alerts/domain/promql-evaluate.js';
import {
  labelsKey,
  type Point,
  type SeriesLabels,
  type SeriesSet,
} from '../../alerts/domain/series-set.js';

/** Prometheus's own bound: a range query returns at most 11,000 points per series. */
export const rangeLimits = { maxPoints: 11_000, minStepSeconds: 1 } as const;

/**
 * The instants of a range query: from `from` to `to` every `stepSeconds`. Throws BAD_USER_INPUT
 * with reason INVERTED_RANGE, STEP_OUT_OF_RANGE or TOO_MANY_POINTS (with the step that would fit).
 */
export function rangeSteps(from: Date, to: Date, stepSeconds: number): number[] {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end >= start)) {
    throw new BadInputError('range.to must not be before range.from', 'INVERTED_RANGE', {
      from: from.toISOString(),
      to: to.toISOString(),
    });
  }
  if (!Number.isInteger(stepSeconds) || stepSeconds < rangeLimits.minStepSeconds) {
    throw new BadInputError(
      'step must be a whole number of seconds, at least 1',
      'STEP_OUT_OF_RANGE',
      {
        step: stepSeconds,
      },
    );
  }
  const stepMs = stepSeconds * 1000;
  const count = Math.floor((end - start) / stepMs) + 1;
  if (count > rangeLimits.maxPoints) {
    const fits = Math.ceil((end - start) / 1000 / (rangeLimits.maxPoints - 1));
    throw new BadInputError(
      `${count} points per series is more than ${rangeLimits.maxPoints}: use a step of at least ${fits} s`,
      'TOO_MANY_POINTS',
      { points: count, maxPoints: rangeLimits.maxPoints, minimumStep: fits },
    );
  }
  return Array.from({ length: count }, (_, i) => start + i * stepMs);
}

export interface RangeSeries {
  readonly labels: SeriesLabels;
  readonly points: Point[];
}

/** Evaluates `expr` at every step: one series per label set, points where it had a value. */
export function rangeQuery(expr: Expr, steps: readonly number[], data: SeriesSet): RangeSeries[] {
  const series = new Map<string, RangeSeries>();
  for (const at of steps) {
    const value = evaluate(expr, at, data);
    const samples = value.kind === 'scalar' ? [{ labels: {}, value: value.value }] : value.samples;
    for (const sample of samples) {
      const key = labelsKey(sample.labels);
      const entry = series.get(key) ?? { labels: sample.labels, points: [] };
      entry.points.push([at, sample.value]);
      series.set(key, entry);
    }
  }
  return [...series.values()];
}
