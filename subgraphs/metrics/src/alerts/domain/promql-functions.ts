import type { Point } from './series-set.js';

/**
 * rate() and increase() as Prometheus 2.x computes them (promql/functions.go, extrapolatedRate):
 * counter resets are added back, and the increase is extrapolated to the window's edges unless a
 * series starts or ends well inside it. Null with fewer than two points.
 */
export function extrapolatedIncrease(
  points: readonly Point[],
  rangeStart: number,
  rangeEnd: number,
): number | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return null;
  let result = last[1] - first[1];
  let previous = 0;
  for (const [, value] of points) {
    if (value < previous) result += previous;
    previous = value;
  }
  let durationToStart = (first[0] - rangeStart) / 1000;
  const durationToEnd = (rangeEnd - last[0]) / 1000;
  const sampledInterval = (last[0] - first[0]) / 1000;
  const averageBetween = sampledInterval / (points.length - 1);
  if (result > 0 && first[1] >= 0) {
    // A counter cannot be extrapolated below zero.
    durationToStart = Math.min(durationToStart, sampledInterval * (first[1] / result));
  }
  const threshold = averageBetween * 1.1;
  let interval = sampledInterval;
  interval += durationToStart < threshold ? durationToStart : averageBetween / 2;
  interval += durationToEnd < threshold ? durationToEnd : averageBetween / 2;
  return result * (interval / sampledInterval);
}

/** One bucket of a classic histogram: its upper bound (`le`) and cumulative count. */
export interface Bucket {
  upperBound: number;
  count: number;
}

/**
 * histogram_quantile over classic buckets, as Prometheus 2.x (promql/quantile.go, bucketQuantile):
 * linear interpolation inside the bucket holding the rank; NaN without a +Inf bucket or
 * observations; the highest finite bound when the rank falls into +Inf.
 */
export function bucketQuantile(phi: number, unsorted: readonly Bucket[]): number {
  if (phi < 0) return -Infinity;
  if (phi > 1) return Infinity;
  const sorted = [...unsorted].sort((a, b) => a.upperBound - b.upperBound);
  // Buckets with the same bound (from different series) are added up.
  const buckets: Bucket[] = [];
  for (const bucket of sorted) {
    const last = buckets[buckets.length - 1];
    if (last && last.upperBound === bucket.upperBound) last.count += bucket.count;
    else buckets.push({ ...bucket });
  }
  const top = buckets[buckets.length - 1];
  if (!top || top.upperBound !== Infinity || buckets.length < 2) return NaN;
  // Counts must not decrease with the bound (rate() of racing scrapes can make them).
  let max = -Infinity;
  for (const bucket of buckets) {
    if (bucket.count < max) bucket.count = max;
    else max = bucket.count;
  }
  const observations = top.count;
  if (observations === 0) return NaN;
  let rank = phi * observations;
  let b = buckets.findIndex((bucket, i) => i < buckets.length - 1 && bucket.count >= rank);
  if (b === -1) b = buckets.length - 1;
  const below = buckets[b - 1];
  if (b === buckets.length - 1) return below?.upperBound ?? NaN;
  const bucket = buckets[b] ?? top;
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound;
  let start = 0;
  let count = bucket.count;
  if (below) {
    start = below.upperBound;
    count -= below.count;
    rank -= below.count;
  }
  return start + (bucket.upperBound - start) * (rank / count);
}
