import type {
  CallOutcome,
  DriftEvent,
  ModelTaskStats,
  QualitySignalSource,
  TaskType,
} from '../contracts.js';
import { DriftMonitor } from './drift-monitor.js';
import { qualityEvidence } from './quality-evidence.js';
import { outcomeSignalWeight, SIGNAL_TRUST } from './signal-trust.js';
import {
  type BetaPrior,
  DEFAULT_EVIDENCE_DISCOUNT,
  type PosteriorMerge,
  type PosteriorState,
  QualityPosterior,
  UNINFORMATIVE_PRIOR,
} from './quality-posterior.js';
import type { StatsBucket } from './stats-bucket.js';
import { DEFAULT_WINDOW_MS, StatsWindow } from './stats-window.js';

/** A posterior as persisted: one row per (model, task type). */
export interface PosteriorRecord {
  readonly model: string;
  readonly taskType: TaskType;
  readonly state: PosteriorState;
}

/** One pair's `PosteriorMerge`, as `takePosteriorMerges` hands it to the store. */
export interface PosteriorMergeRecord {
  readonly model: string;
  readonly taskType: TaskType;
  readonly merge: PosteriorMerge;
}

/** What the tracker reloads at start. */
export interface TrackerSnapshot {
  readonly buckets: readonly StatsBucket[];
  readonly posteriors: readonly PosteriorRecord[];
}

export interface PerformanceTrackerOptions {
  readonly now: () => Date;
  /** The prior of a pair, e.g. `(m, t) => priorFor(registry.get(m), t)`; uninformative otherwise. */
  readonly prior?: (model: string, taskType: TaskType) => BetaPrior;
  readonly windowMs?: number;
  /** γ of the discounted posterior update. */
  readonly evidenceDiscount?: number;
  /**
   * Share of a pair's evidence kept when its quality drifts: 0.1 leaves ~40 of ~400 remembered
   * signals, so the posterior widens and Thompson sampling tries the pair against the others again.
   */
  readonly driftKeep?: number;
  readonly drift?: DriftMonitor;
}

/**
 * The router's in-memory knowledge of its models: a quality posterior, hourly stats and drift
 * detectors per (model, task type). Fed every attempt's outcome; persisted by draining its dirty
 * buckets and posterior states, reloaded with `load`.
 */
export class PerformanceTracker {
  private readonly posteriors = new Map<string, Map<TaskType, QualityPosterior>>();
  private readonly window: StatsWindow;
  private readonly drift: DriftMonitor;
  private readonly prior: (model: string, taskType: TaskType) => BetaPrior;
  private readonly evidenceDiscount: number;
  private readonly driftKeep: number;

  constructor(private readonly options: PerformanceTrackerOptions) {
    this.window = new StatsWindow(options.windowMs ?? DEFAULT_WINDOW_MS);
    this.drift = options.drift ?? new DriftMonitor();
    this.prior = options.prior ?? (() => UNINFORMATIVE_PRIOR);
    this.evidenceDiscount = options.evidenceDiscount ?? DEFAULT_EVIDENCE_DISCOUNT;
    this.driftKeep = options.driftKeep ?? 0.1;
  }

  /** Counts one attempt; returns the drift alarms it raised (already acted on). */
  record(outcome: CallOutcome): DriftEvent[] {
    const { model, taskType, at } = outcome;
    this.window.add(outcome);
    const events: DriftEvent[] = [];
    const quality = qualityEvidence(outcome);
    if (quality !== null && Number.isFinite(quality)) {
      const posterior = this.posterior(model, taskType);
      posterior.observe(quality, at, outcomeSignalWeight(outcome));
      const event = this.drift.observeQuality(model, taskType, quality, at);
      if (event) {
        posterior.discount(this.driftKeep);
        events.push(event);
      }
    }
    if (outcome.ok) {
      const event = this.drift.observeLatency(model, taskType, outcome.latencyMs, at);
      if (event) events.push(event);
    }
    return events;
  }

  /**
   * A quality signal on an answer of `model` after the call (explicit feedback, a judge's grade, a
   * task's or decision's outcome): evidence for the posterior, weighted by how much its source is
   * trusted (`SIGNAL_TRUST`), for the quality drift detector, and a quality signal in the stats
   * (not another call).
   */
  recordFeedback(
    model: string,
    taskType: TaskType,
    quality: number,
    source: QualitySignalSource = 'feedback',
  ): DriftEvent[] {
    const at = this.options.now();
    this.window.addQuality(model, taskType, at, quality);
    const posterior = this.posterior(model, taskType);
    posterior.observe(quality, at, SIGNAL_TRUST[source]);
    const event = this.drift.observeQuality(model, taskType, quality, at);
    if (!event) return [];
    posterior.discount(this.driftKeep);
    return [event];
  }

  /** Puts back buckets `dirtyBuckets` gave out whose write failed. */
  restoreDirty(buckets: readonly StatsBucket[]): void {
    this.window.restoreDirty(buckets);
  }

  /** The live posterior of a pair (created from its prior on first use). */
  posterior(model: string, taskType: TaskType): QualityPosterior {
    let byType = this.posteriors.get(model);
    if (!byType) {
      byType = new Map();
      this.posteriors.set(model, byType);
    }
    let posterior = byType.get(taskType);
    if (!posterior) {
      posterior = new QualityPosterior(
        this.prior(model, taskType),
        undefined,
        this.evidenceDiscount,
      );
      byType.set(taskType, posterior);
    }
    return posterior;
  }

  /** Per-pair stats over the window, from hourly buckets; drops buckets that left it. */
  stats(filter: { model?: string; taskType?: TaskType } = {}): ModelTaskStats[] {
    const now = this.options.now();
    this.window.expire(now);
    return this.window.summaries(now, filter).map((s) => {
      const posterior = this.posterior(s.model, s.taskType);
      return { ...s, posteriorMean: posterior.mean, posteriorStdDev: posterior.stdDev };
    });
  }

  /** Adds stored buckets and restores posteriors (the stored state replaces a live one). */
  load(snapshot: TrackerSnapshot): void {
    this.window.load(snapshot.buckets);
    for (const { model, taskType, state } of snapshot.posteriors) {
      let byType = this.posteriors.get(model);
      if (!byType) {
        byType = new Map();
        this.posteriors.set(model, byType);
      }
      byType.set(
        taskType,
        new QualityPosterior(this.prior(model, taskType), state, this.evidenceDiscount),
      );
    }
  }

  /**
   * Bucket increments since the previous call, which are then forgotten: persist them by adding
   * each to its stored row (counts summed, histograms elementwise).
   */
  dirtyBuckets(): StatsBucket[] {
    return this.window.drainDirty();
  }

  /**
   * What each pair learned since it last synced, for the shared store to merge (`PosteriorMerge`);
   * the tracker then counts it as synced. Give the store's answer to `syncPosteriors`, or on a
   * failed write call `restorePosteriorMerges` with the same list.
   */
  takePosteriorMerges(): PosteriorMergeRecord[] {
    const out: PosteriorMergeRecord[] = [];
    for (const [model, byType] of this.posteriors) {
      for (const [taskType, posterior] of byType) {
        const merge = posterior.takeMerge();
        if (merge) out.push({ model, taskType, merge });
      }
    }
    return out;
  }

  restorePosteriorMerges(merges: readonly PosteriorMergeRecord[]): void {
    for (const { model, taskType } of merges) this.posterior(model, taskType).restoreMerge();
  }

  /** The store's posteriors (every replica's evidence): each pair's local learning stays on top. */
  syncPosteriors(stored: readonly PosteriorRecord[]): void {
    for (const { model, taskType, state } of stored) this.posterior(model, taskType).syncTo(state);
  }

  posteriorStates(): PosteriorRecord[] {
    const out: PosteriorRecord[] = [];
    for (const [model, byType] of this.posteriors) {
      for (const [taskType, posterior] of byType) {
        if (posterior.state().observations > 0)
          out.push({ model, taskType, state: posterior.state() });
      }
    }
    return out;
  }
}
