import type { DomainEvent, EventBus, Logger, Unsubscribe } from '@daena/platform';
import {
  MalformedEventError,
  recordedEvents,
  samplesFromEvent,
  type MetricSampleDraft,
} from '../domain/samples-from-event.js';

/** Stores samples idempotently and says how many were new. */
export type SampleWriter = (samples: readonly MetricSampleDraft[]) => Promise<number>;

interface PendingEvent {
  event: DomainEvent;
  samples: MetricSampleDraft[];
}

/**
 * Consumes the measured domain events and writes their samples. Writes run one at a time: events
 * that arrive during a write are queued and go out together in the next insert, which keeps
 * samples in delivery order and holds ingestion to one connection however fast events come.
 * Nothing here throws to the bus: malformed events and store failures are logged and dropped,
 * which the bus's at-most-once contract allows.
 */
export class SampleRecorder {
  private queue: PendingEvent[] = [];
  private flushing: Promise<void> | undefined;
  private unsubscribes: Unsubscribe[] = [];

  constructor(
    private readonly write: SampleWriter,
    private readonly log: Logger,
    /** Told of every accepted event's samples (the domain counters on /metrics). */
    private readonly onSamples: (samples: readonly MetricSampleDraft[]) => void = () => undefined,
  ) {}

  /** Subscribes to every measured event contract; calling it again while started is a no-op. */
  start(bus: EventBus): void {
    if (this.unsubscribes.length > 0) return;
    this.unsubscribes = recordedEvents.map((contract) =>
      bus.subscribe(contract, (event) => this.accept(event)),
    );
  }

  /** Unsubscribes, then waits until samples already accepted are written. */
  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    while (this.flushing) await this.flushing;
  }

  accept(event: DomainEvent): void {
    let samples: MetricSampleDraft[];
    try {
      samples = samplesFromEvent(event);
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      this.log.warn({ reason: error.message, ...error.details }, 'dropped an unrecordable event');
      return;
    }
    if (samples.length === 0) return;
    this.onSamples(samples);
    this.queue.push({ event, samples });
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0));
    } finally {
      // Reset in the same turn as the empty-queue check, so no accepted event is left unflushed.
      this.flushing = undefined;
    }
  }

  private async writeBatch(batch: PendingEvent[]): Promise<void> {
    try {
      const inserted = await this.write(batch.flatMap((pending) => pending.samples));
      this.log.debug({ events: batch.length, inserted }, 'recorded metric samples');
    } catch (error) {
      if (batch.length > 1) {
        // One unwritable event must not take the rest of its batch with it.
        for (const pending of batch) await this.writeBatch([pending]);
        return;
      }
      const event = batch[0]?.event;
      this.log.error(
        { err: error, eventId: event?.id, type: event?.type },
        'could not record metric samples (store unavailable?); event dropped',
      );
    }
  }
}
