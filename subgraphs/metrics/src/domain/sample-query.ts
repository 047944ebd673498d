import { BadInputError } from '@daena/platform/domain';

/** How many samples one `metricSamples` call may return: enough for a chart, bounded for the API. */
export const sampleLimit = { default: 100, min: 1, max: 1000 } as const;

/** Throws BAD_USER_INPUT (reason LIMIT_OUT_OF_RANGE) unless min ≤ limit ≤ max. */
export function validateSampleLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < sampleLimit.min || limit > sampleLimit.max) {
    throw new BadInputError(
      `limit must be an integer from ${sampleLimit.min} to ${sampleLimit.max}`,
      'LIMIT_OUT_OF_RANGE',
      { limit, min: sampleLimit.min, max: sampleLimit.max },
    );
  }
  return limit;
}

/** Aggregates of one series over a window; min/max/avg and the bounds are null when it is empty. */
export interface MetricSummary {
  name: string;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  avg: number | null;
  firstRecordedAt: Date | null;
  lastRecordedAt: Date | null;
}

/** An unknown series (or an empty window) is a zero summary, not an error. */
export function emptySummary(name: string): MetricSummary {
  return {
    name,
    count: 0,
    sum: 0,
    min: null,
    max: null,
    avg: null,
    firstRecordedAt: null,
    lastRecordedAt: null,
  };
}
