import type { DomainEvent, EventBus, Logger } from '@daena/platform';

/**
 * Publishes an event about a write that has already committed. The write stands even if the bus
 * is down, so a failure is logged rather than reported to the caller as a failed mutation (the
 * bus is live fan-out, not durable delivery: ARCHITECTURE §3).
 */
export async function publishCommitted<T>(
  runtime: { bus: EventBus; log: Logger },
  event: DomainEvent<T>,
): Promise<void> {
  try {
    await runtime.bus.publish(event);
  } catch (error) {
    runtime.log.error({ err: error, type: event.type, eventId: event.id }, 'event not published');
  }
}
