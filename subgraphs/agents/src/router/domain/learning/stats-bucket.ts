import type { CallOutcome, TaskType } from '../contracts.js';
import { addLatency, emptyLatencyHistogram, mergeLatencyHistograms } from './latency-histogram.js';

export const BUCKET_MS = 60 * 60 * 1000;

/**
 * One hour of one (model, task type): counters only, so a window is the sum of its buckets and
 * persistence adds a bucket's increments to the stored row (counts summed, histograms elementwise).
 */
export interface StatsBucket {
  readonly model: string;
  readonly taskType: TaskType;
  /** Start of the hour (UTC). */
  readonly bucketStart: Date;
  calls: number;
  errors: number;
  qualitySum: number;
  qualityCount: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  /** Counts per latency bin (see latency-histogram.ts), successful calls only. */
  latencyHistogram: number[];
}

export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
}

export function emptyBucket(model: string, taskType: TaskType, bucketStart: Date): StatsBucket {
  return {
    model,
    taskType,
    bucketStart,
    calls: 0,
    errors: 0,
    qualitySum: 0,
    qualityCount: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
    latencyHistogram: emptyLatencyHistogram(),
  };
}

/**
 * Counts one call, in place. Latency is histogrammed for successful calls only: a timeout's or a
 * refused call's duration says how the call failed, not how fast the model answers.
 */
export function addOutcome(bucket: StatsBucket, outcome: CallOutcome): void {
  bucket.calls += 1;
  if (!outcome.ok) bucket.errors += 1;
  if (outcome.quality !== null && Number.isFinite(outcome.quality)) {
    bucket.qualitySum += Math.min(1, Math.max(0, outcome.quality));
    bucket.qualityCount += 1;
  }
  bucket.costUsd += outcome.costUsd;
  bucket.inputTokens += outcome.inputTokens;
  bucket.outputTokens += outcome.outputTokens;
  if (outcome.ok) addLatency(bucket.latencyHistogram, outcome.latencyMs);
}

/** The sum of two buckets of the same pair and hour (the first one's identity is kept). */
export function mergeBuckets(a: StatsBucket, b: StatsBucket): StatsBucket {
  return {
    model: a.model,
    taskType: a.taskType,
    bucketStart: a.bucketStart,
    calls: a.calls + b.calls,
    errors: a.errors + b.errors,
    qualitySum: a.qualitySum + b.qualitySum,
    qualityCount: a.qualityCount + b.qualityCount,
    costUsd: a.costUsd + b.costUsd,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    latencyHistogram: mergeLatencyHistograms(a.latencyHistogram, b.latencyHistogram),
  };
}
