import type { Logger } from '@daena/platform';
import { Counter, Gauge, type Registry } from 'prom-client';
import { boundEntry, type AuditEntry } from './audit-entry.js';

/** Where batches go (the metrics subgraph); throws when they could not be stored. */
export type AuditSink = (entries: AuditEntry[]) => Promise<void>;

export interface AuditTrailOptions {
  send: AuditSink;
  log: Logger;
  /** Whether a failed batch is worth sending again; a batch refused as invalid is not. */
  isRetryable?: (error: unknown) => boolean;
  /** Entries per batch: metrics takes at most 500. */
  batchSize?: number;
  /** How long an entry waits for others to share its batch. */
  flushIntervalMs?: number;
  /** Entries held while metrics is down; past it the oldest are dropped (and counted). */
  maxBuffered?: number;
  /** Backoff between attempts while metrics is down: doubling from initialMs up to maxMs. */
  retry?: { initialMs: number; maxMs: number };
}

// 250 ms and 200 entries: a busy gateway sends a few batches a second, a quiet one an entry
// within a quarter second. 10,000 entries hold ~3 minutes of a heavy refusal rate (50/s) while
// metrics restarts; documents are cut to 4 KB, so the buffer stays under ~100 MB even when every
// entry carries a full document of two-byte characters (typically a few MB).
const defaults = {
  batchSize: 200,
  flushIntervalMs: 250,
  maxBuffered: 10_000,
  retry: { initialMs: 250, maxMs: 10_000 },
};

/**
 * The gateway's audit trail: `record` never blocks or fails a request. Entries are buffered and
 * sent in batches, retried with backoff while metrics is down (each entry keeps its id, so a
 * batch stored but not acknowledged is not stored twice), bounded (oldest dropped first, counted
 * in `gateway_audit_entries_dropped_total` and logged), and flushed on close.
 */
export class AuditTrail {
  private readonly options: Required<AuditTrailOptions>;
  private buffer: AuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private failures = 0;
  private overflowing = false;
  private closed = false;
  private readonly dropped = new Counter({
    name: 'gateway_audit_entries_dropped_total',
    help: 'Audit entries never stored: buffer overflow, refused as invalid, or lost at shutdown',
    labelNames: ['reason'] as const,
    registers: [],
  });
  private readonly written = new Counter({
    name: 'gateway_audit_entries_sent_total',
    help: 'Audit entries the metrics subgraph acknowledged',
    registers: [],
  });
  private readonly buffered = new Gauge({
    name: 'gateway_audit_entries_buffered',
    help: 'Audit entries waiting to be sent',
    registers: [],
  });

  constructor(options: AuditTrailOptions) {
    this.options = {
      isRetryable: () => true,
      ...defaults,
      ...options,
    };
  }

  registerMetrics(registry: Registry): void {
    for (const metric of [this.dropped, this.written, this.buffered])
      registry.registerMetric(metric);
  }

  /** Queues one entry; returns at once. After close, the entry is dropped (and counted). */
  record(entry: AuditEntry): void {
    if (this.closed) {
      this.drop('closed', 1);
      return;
    }
    this.buffer.push(boundEntry(entry));
    this.enforceBound();
    this.schedule(this.buffer.length >= this.options.batchSize ? 0 : this.options.flushIntervalMs);
  }

  /** Sends what is buffered now; resolves when that attempt is over (stored or kept for retry). */
  flush(): Promise<void> {
    this.sending ??= this.drain().finally(() => {
      this.sending = undefined;
      if (this.buffer.length > 0 && !this.closed) this.schedule(this.nextDelay());
    });
    return this.sending;
  }

  /**
   * Stops the timer and sends what is left, once (a metrics that is down does not hold up the
   * shutdown); entries it could not store are logged as lost and counted.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sending;
    await this.drain();
    if (this.buffer.length > 0) {
      this.options.log.error(
        { lost: this.buffer.length },
        'audit trail closed with entries metrics did not store',
      );
      this.drop('shutdown', this.buffer.length);
      this.buffer = [];
    }
  }

  /** Sends batches until the buffer is empty or one fails (kept, in order, for the retry). */
  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      try {
        await this.options.send(batch);
        this.failures = 0;
        this.overflowing = false;
        this.written.inc(batch.length);
      } catch (error) {
        if (!this.options.isRetryable(error)) {
          this.options.log.error(
            { err: error, entries: batch.length },
            'metrics refused an audit batch; dropped',
          );
          this.drop('refused', batch.length);
          continue;
        }
        this.buffer.unshift(...batch);
        this.enforceBound();
        this.failures++;
        this.options.log.warn(
          { err: error, buffered: this.buffer.length, attempt: this.failures },
          'cannot store audit entries yet; will retry',
        );
        return;
      } finally {
        this.buffered.set(this.buffer.length);
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.sending) return;
    if (this.timer) {
      // An earlier, longer wait gives way to a full batch, unless metrics is down (backoff).
      if (delayMs > 0 || this.failures > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    // Pending entries never keep the process alive: close() flushes them.
    this.timer.unref();
  }

  /** Exponential backoff with equal jitter while failing; the batching interval otherwise. */
  private nextDelay(): number {
    if (this.failures === 0) {
      return this.buffer.length >= this.options.batchSize ? 0 : this.options.flushIntervalMs;
    }
    const { initialMs, maxMs } = this.options.retry;
    const ceiling = Math.min(maxMs, initialMs * 2 ** (this.failures - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  /** Drops the oldest entries past the bound: the newest say most about an ongoing incident. */
  private enforceBound(): void {
    const excess = this.buffer.length - this.options.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.drop('overflow', excess);
      if (!this.overflowing) {
        this.overflowing = true;
        this.options.log.error(
          { maxBuffered: this.options.maxBuffered },
          'audit buffer full (metrics unreachable?): dropping the oldest entries',
        );
      }
    }
    this.buffered.set(this.buffer.length);
  }

  private drop(reason: 'overflow' | 'refused' | 'shutdown' | 'closed', count: number): void {
    this.dropped.inc({ reason }, count);
  }
}
