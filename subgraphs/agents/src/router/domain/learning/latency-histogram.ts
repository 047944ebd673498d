/**
 * Latency as a fixed log-spaced histogram: 48 bins from 1 ms to 120 s, each ~27.6% wide, so a
 * quantile read back is within that relative error however many calls it holds. A plain
 * `number[]` of counts: stored as an int[] column in Postgres and merged by elementwise addition
 * (the same layout as HdrHistogram's log buckets, coarser).
 */
export const LATENCY_BINS = 48;
export const LATENCY_MIN_MS = 1;
export const LATENCY_MAX_MS = 120_000;
const logMin = Math.log(LATENCY_MIN_MS);
const logWidth = (Math.log(LATENCY_MAX_MS) - logMin) / LATENCY_BINS;

export function emptyLatencyHistogram(): number[] {
  return new Array<number>(LATENCY_BINS).fill(0);
}

/** The bin of a latency; below 1 ms falls in the first bin, above 120 s in the last. */
export function latencyBin(ms: number): number {
  if (!(ms > LATENCY_MIN_MS)) return 0;
  return Math.min(LATENCY_BINS - 1, Math.floor((Math.log(ms) - logMin) / logWidth));
}

/** Lower edge of bin i in milliseconds (bin i covers [edge(i), edge(i + 1))). */
export function latencyBinEdge(i: number): number {
  return Math.exp(logMin + i * logWidth);
}

/** Counts one latency, in place. */
export function addLatency(histogram: number[], ms: number): void {
  const bin = latencyBin(ms);
  histogram[bin] = (histogram[bin] ?? 0) + 1;
}

/** Elementwise sum; a shorter (or older, differently sized) histogram counts as zeros. */
export function mergeLatencyHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: LATENCY_BINS }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/**
 * The q-quantile (0–1) in milliseconds, or null when empty: the rank q·n located in its bin and
 * interpolated log-linearly between the bin's edges (latencies spread evenly in log within a bin).
 */
export function latencyQuantile(histogram: readonly number[], q: number): number | null {
  let total = 0;
  for (const count of histogram) total += count;
  if (total === 0) return null;
  const rank = Math.min(1, Math.max(0, q)) * total;
  let below = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i] ?? 0;
    if (count > 0 && below + count >= rank) {
      const within = (rank - below) / count;
      return Math.exp(logMin + (i + within) * logWidth);
    }
    below += count;
  }
  return LATENCY_MAX_MS;
}
