import { randomUUID } from 'node:crypto';

/** The envelope every domain event travels in (ARCHITECTURE §3). */
export interface DomainEvent<T = unknown> {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly data: T;
}

/** One typed definition per event type, imported by publishers and consumers alike. */
export interface EventContract<T> {
  readonly type: string;
  readonly version: number;
  create(data: T, now?: Date): DomainEvent<T>;
  is(event: DomainEvent): event is DomainEvent<T>;
}

export function defineEvent<T>(type: string, version = 1): EventContract<T> {
  return {
    type,
    version,
    create: (data, now = new Date()) => ({
      id: randomUUID(),
      type,
      version,
      occurredAt: now.toISOString(),
      data,
    }),
    is: (event): event is DomainEvent<T> => event.type === type,
  };
}
