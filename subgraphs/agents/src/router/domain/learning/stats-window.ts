import type { CallOutcome, TaskType } from '../contracts.js';
import { latencyQuantile, mergeLatencyHistograms } from './latency-histogram.js';
import {
  addOutcome,
  emptyBucket,
  hourStart,
  mergeBuckets,
  type StatsBucket,
} from './stats-bucket.js';

export const DEFAULT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** A pair's totals over the window, before the tracker adds the posterior. */
export interface WindowSummary {
  readonly model: string;
  readonly taskType: TaskType;
  readonly windowStart: Date;
  readonly calls: number;
  readonly errors: number;
  readonly errorRate: number;
  readonly meanQuality: number | null;
  readonly qualitySignals: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

const pairKey = (model: string, taskType: TaskType) => `${model}\u0000${taskType}`;

/**
 * Hourly buckets per (model, task type) over a sliding window (7 days by default): at most
 * window/1h buckets a pair, so a summary sums ~168 rows however many calls were made. It also
 * keeps the increments since the last `drainDirty()` for additive persistence.
 */
export class StatsWindow {
  private readonly pairs = new Map<string, Map<number, StatsBucket>>();
  private dirty = new Map<string, StatsBucket>();

  constructor(readonly windowMs = DEFAULT_WINDOW_MS) {}

  add(outcome: CallOutcome): void {
    const start = hourStart(outcome.at);
    addOutcome(this.bucket(outcome.model, outcome.taskType, start), outcome);
    const key = `${pairKey(outcome.model, outcome.taskType)}\u0000${start.getTime()}`;
    let delta = this.dirty.get(key);
    if (!delta) {
      delta = emptyBucket(outcome.model, outcome.taskType, start);
      this.dirty.set(key, delta);
    }
    addOutcome(delta, outcome);
  }

  /** Adds stored buckets (e.g. reloaded at start); they are not dirty. */
  load(buckets: Iterable<StatsBucket>): void {
    for (const b of buckets) {
      const start = hourStart(b.bucketStart);
      const pair = this.pairBuckets(b.model, b.taskType);
      const existing = pair.get(start.getTime());
      const loaded = { ...b, bucketStart: start, latencyHistogram: [...b.latencyHistogram] };
      pair.set(start.getTime(), existing ? mergeBuckets(existing, loaded) : loaded);
    }
  }

  /** Explicit feedback: a quality signal for the pair's current hour, not another call. */
  addQuality(model: string, taskType: TaskType, at: Date, quality: number): void {
    const start = hourStart(at);
    const add = (bucket: StatsBucket) => {
      bucket.qualitySum += quality;
      bucket.qualityCount += 1;
    };
    add(this.bucket(model, taskType, start));
    const key = `${pairKey(model, taskType)}\u0000${start.getTime()}`;
    let delta = this.dirty.get(key);
    if (!delta) {
      delta = emptyBucket(model, taskType, start);
      this.dirty.set(key, delta);
    }
    add(delta);
  }

  /** Puts back increments whose write failed, so the next drain carries them again. */
  restoreDirty(buckets: Iterable<StatsBucket>): void {
    for (const bucket of buckets) {
      const key = `${pairKey(bucket.model, bucket.taskType)}\u0000${bucket.bucketStart.getTime()}`;
      const current = this.dirty.get(key);
      this.dirty.set(key, current ? mergeBuckets(current, bucket) : bucket);
    }
  }

  /** The increments since the previous call, which it forgets: persist them by adding. */
  drainDirty(): StatsBucket[] {
    const out = [...this.dirty.values()];
    this.dirty = new Map();
    return out;
  }

  /** First hour still inside the window at `now`. */
  windowStart(now: Date): Date {
    return hourStart(new Date(now.getTime() - this.windowMs));
  }

  /** Drops buckets that have left the window. */
  expire(now: Date): void {
    const start = this.windowStart(now).getTime();
    for (const [key, pair] of this.pairs) {
      for (const bucketStart of pair.keys()) if (bucketStart < start) pair.delete(bucketStart);
      if (pair.size === 0) this.pairs.delete(key);
    }
  }

  /** Every pair with a bucket in the window, summed. */
  summaries(now: Date, filter: { model?: string; taskType?: TaskType } = {}): WindowSummary[] {
    const start = this.windowStart(now);
    const out: WindowSummary[] = [];
    for (const pair of this.pairs.values()) {
      const first = pair.values().next().value;
      if (!first) continue;
      if (filter.model !== undefined && first.model !== filter.model) continue;
      if (filter.taskType !== undefined && first.taskType !== filter.taskType) continue;
      const summary = summarize(first.model, first.taskType, start, pair.values());
      if (summary.calls > 0) out.push(summary);
    }
    return out;
  }

  private pairBuckets(model: string, taskType: TaskType): Map<number, StatsBucket> {
    const key = pairKey(model, taskType);
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = new Map();
      this.pairs.set(key, pair);
    }
    return pair;
  }

  private bucket(model: string, taskType: TaskType, start: Date): StatsBucket {
    const pair = this.pairBuckets(model, taskType);
    let bucket = pair.get(start.getTime());
    if (!bucket) {
      bucket = emptyBucket(model, taskType, start);
      pair.set(start.getTime(), bucket);
    }
    return bucket;
  }
}

function summarize(
  model: string,
  taskType: TaskType,
  windowStart: Date,
  buckets: Iterable<StatsBucket>,
): WindowSummary {
  let total = emptyBucket(model, taskType, windowStart);
  let histogram: number[] = total.latencyHistogram;
  for (const b of buckets) {
    if (b.bucketStart.getTime() < windowStart.getTime()) continue;
    histogram = mergeLatencyHistograms(histogram, b.latencyHistogram);
    total = mergeBuckets(total, { ...b, latencyHistogram: [] });
  }
  return {
    model,
    taskType,
    windowStart,
    calls: total.calls,
    errors: total.errors,
    errorRate: total.calls > 0 ? total.errors / total.calls : 0,
    meanQuality: total.qualityCount > 0 ? total.qualitySum / total.qualityCount : null,
    qualitySignals: total.qualityCount,
    latencyP50Ms: latencyQuantile(histogram, 0.5),
    latencyP95Ms: latencyQuantile(histogram, 0.95),
    costUsd: total.costUsd,
    inputTokens: total.inputTokens,
    outputTokens: total.outputTokens,
  };
}
