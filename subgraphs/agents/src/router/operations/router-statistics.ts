import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@daena/platform';
import {
  PerformanceTracker,
  priorFor,
  StatsWindow,
  type CallOutcome,
  type DriftEvent,
  type ModelSpec,
  type ModelTaskStats,
  type QualityBelief,
  type QualitySignalSource,
  type TaskType,
} from '../index.js';
import { RouterStatsRepository } from '../store/stats-repository.js';

/** How long buffered statistics wait before they are written (a few statements per flush). */
const flushDelayMs = 1_000;
/** How often an idle replica reads the posteriors the others learned. */
const syncEveryMs = 5_000;
/** Buckets are hourly: pruning more often than once an hour would find nothing new. */
const pruneEveryMs = 3_600_000;

/**
 * What the router knows of its models, in memory for selection and in Postgres for every replica
 * and restart: hourly buckets (added to, never rewritten) and quality posteriors. Calls are
 * counted in memory at once and written at most once a second.
 */
export class RouterStatistics {
  private readonly tracker: PerformanceTracker;
  private flushTimer: NodeJS.Timeout | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  /** Set once stop() has flushed: the store is closing, so nothing is written after. */
  private stopped = false;
  private flushing: Promise<void> = Promise.resolve();
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: {
      fork(): EntityManager;
      log: Logger;
      windowDays: number;
      clock: () => number;
      spec: (model: string) => ModelSpec | undefined;
    },
  ) {
    this.tracker = new PerformanceTracker({
      now: () => new Date(deps.clock()),
      windowMs: this.windowMs,
      prior: (model, taskType) => priorFor(deps.spec(model), taskType),
    });
  }

  private get windowMs(): number {
    return this.deps.windowDays * 86_400_000;
  }

  /** Reloads the window's buckets and the posteriors. */
  async start(): Promise<void> {
    const repository = this.repository();
    const since = new Date(this.deps.clock() - this.windowMs);
    const [buckets, posteriors] = await Promise.all([
      repository.bucketsSince(since),
      repository.loadPosteriors(),
    ]);
    this.tracker.load({ buckets, posteriors });
    await this.pruneOldBuckets(repository);
    // Other replicas' learning arrives with this replica's flushes, and at least this often.
    this.syncTimer = setInterval(() => void this.flush(), syncEveryMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.syncTimer);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.flush();
    // Calls still finishing after the stop record in memory only: the store is closing.
    this.stopped = true;
  }

  posterior(model: string, taskType: TaskType): QualityBelief {
    return this.tracker.posterior(model, taskType);
  }

  /** One attempt's outcome; returns the drift it revealed. */
  record(outcome: CallOutcome): DriftEvent[] {
    const drift = this.tracker.record(outcome);
    this.scheduleFlush();
    return drift;
  }

  /**
   * A quality signal on an answer of `model` (explicit feedback unless told: a judge's grade, a
   * task's or decision's outcome), weighted by its source's trust; returns the drift it revealed.
   */
  feedback(
    model: string,
    taskType: TaskType,
    quality: number,
    source: QualitySignalSource = 'feedback',
  ): DriftEvent[] {
    const drift = this.tracker.recordFeedback(model, taskType, quality, source);
    this.scheduleFlush();
    return drift;
  }

  /** The window's statistics of every replica (stored buckets), with this replica's posterior. */
  async stats(filter: { model?: string | undefined; taskType?: TaskType | undefined }) {
    await this.flush();
    const now = new Date(this.deps.clock());
    const window = new StatsWindow(this.windowMs);
    window.load(
      await this.repository().bucketsSince(new Date(now.getTime() - this.windowMs), filter),
    );
    return window.summaries(now, filter).map((summary): ModelTaskStats => {
      const posterior = this.tracker.posterior(summary.model, summary.taskType);
      return { ...summary, posteriorMean: posterior.mean, posteriorStdDev: posterior.stdDev };
    });
  }

  private scheduleFlush(): void {
    if (this.stopped) return;
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, flushDelayMs).unref();
  }

  /**
   * Writes buffered statistics and merges this replica's posterior learning into the stored
   * posteriors, then takes in the stored ones (every replica's evidence). A failure is logged and
   * retried later; buckets and merges are written apart, so neither is counted twice.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.stopped) return;
      let repository: RouterStatsRepository;
      try {
        repository = this.repository();
      } catch (error) {
        // The store is not connected (starting, or closed under a late timer): try again later.
        this.deps.log.warn({ err: error }, 'router statistics not written; store unavailable');
        this.scheduleFlush();
        return;
      }
      const buckets = this.tracker.dirtyBuckets();
      const merges = this.tracker.takePosteriorMerges();
      let failed = false;
      try {
        await repository.addBuckets(buckets);
      } catch (error) {
        this.tracker.restoreDirty(buckets);
        this.deps.log.error({ err: error }, 'router statistics not written; retrying later');
        failed = true;
      }
      try {
        await repository.mergePosteriors(merges);
      } catch (error) {
        this.tracker.restorePosteriorMerges(merges);
        this.deps.log.error({ err: error }, 'router posteriors not merged; retrying later');
        failed = true;
      }
      if (failed) {
        this.scheduleFlush();
        return;
      }
      try {
        this.tracker.syncPosteriors(await repository.loadPosteriors());
      } catch (error) {
        this.deps.log.warn({ err: error }, 'router posteriors not read back; using this replica’s');
      }
      await this.pruneOldBuckets(repository);
    });
    return this.flushing;
  }

  /**
   * Deletes stored buckets that have left the window (they no longer count anywhere), at start
   * and then at most hourly as statistics are written. Every replica may do it: it is idempotent.
   */
  private async pruneOldBuckets(repository: RouterStatsRepository): Promise<void> {
    const now = this.deps.clock();
    if (now - this.prunedAt < pruneEveryMs) return;
    this.prunedAt = now;
    try {
      const removed = await repository.deleteBucketsBefore(new Date(now - this.windowMs));
      if (removed > 0) this.deps.log.info({ removed }, 'router: pruned statistics buckets');
    } catch (error) {
      this.prunedAt = Number.NEGATIVE_INFINITY; // try again with the next write
      this.deps.log.error({ err: error }, 'router: could not prune old statistics buckets');
    }
  }

  private repository(): RouterStatsRepository {
    return new RouterStatsRepository(this.deps.fork());
  }
}
