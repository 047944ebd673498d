import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DomainEvent, EventContract } from './events.js';
import type { StoreConnector } from './service.js';

export type Unsubscribe = () => void;
export type EventHandler<T> = (event: DomainEvent<T>) => void | Promise<void>;

/**
 * Live fan-out of domain events (not durable: durable work goes through the job queue).
 * Delivery is at-most-once per subscriber; handlers must be idempotent on `event.id`.
 */
export interface EventBus {
  /** What readiness probes call it: `redis` or `in-process bus`. */
  readonly name: string;
  publish<T>(event: DomainEvent<T>): Promise<void>;
  subscribe<T>(contract: EventContract<T>, handler: EventHandler<T>): Unsubscribe;
  /** Resolves once the bus can deliver (the Redis subscriber connection is up). */
  ready(): Promise<void>;
  /** A cheap liveness check for /readyz. */
  check(): Promise<void>;
  close(): Promise<void>;
}

function runHandler<T>(handler: EventHandler<T>, event: DomainEvent<T>, log: Logger): void {
  try {
    const result = handler(event);
    if (result instanceof Promise) {
      result.catch((error: unknown) =>
        log.error({ err: error, type: event.type }, 'event handler failed'),
      );
    }
  } catch (error) {
    log.error({ err: error, type: event.type }, 'event handler failed');
  }
}

/** Delivers the contract's events from `emitter` to `handler`; returns what stops it. */
function listen<T>(
  emitter: EventEmitter,
  contract: EventContract<T>,
  handler: EventHandler<T>,
  log: Logger,
): Unsubscribe {
  const listener = (event: DomainEvent<T>) => runHandler(handler, event, log);
  emitter.on(contract.type, listener);
  return () => emitter.off(contract.type, listener);
}

/** One process, no Redis: the embedded mode's bus. */
export class InProcessEventBus implements EventBus {
  readonly name = 'in-process bus';
  private readonly emitter = new EventEmitter({ captureRejections: false });
  constructor(private readonly log: Logger) {
    this.emitter.setMaxListeners(0);
  }
  async publish<T>(event: DomainEvent<T>): Promise<void> {
    // Deliver on a later tick, like Redis would: publishers never run subscriber code inline.
    const copy = structuredClone(event);
    queueMicrotask(() => this.emitter.emit(event.type, copy));
  }
  subscribe<T>(contract: EventContract<T>, handler: EventHandler<T>): Unsubscribe {
    return listen(this.emitter, contract, handler, this.log);
  }
  async ready(): Promise<void> {}
  async check(): Promise<void> {}
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const channelPrefix = 'daena:events:';

/** Redis pub/sub: events published by any process reach subscribers in every process. */
export class RedisEventBus implements EventBus {
  readonly name = 'redis';
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new EventEmitter();
  private readonly counts = new Map<string, number>();
  private readonly connected: Promise<void>;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    const options = { lazyConnect: false, enableReadyCheck: true };
    // A publish fails after a couple of reconnect attempts instead of waiting in the offline
    // queue, so a mutation never hangs on a Redis outage; subscriptions wait for reconnection.
    this.publisher = new Redis(url, {
      ...options,
      maxRetriesPerRequest: 2,
      connectionName: 'daena-bus-pub',
    });
    this.subscriber = new Redis(url, {
      ...options,
      maxRetriesPerRequest: null,
      connectionName: 'daena-bus-sub',
    });
    this.local.setMaxListeners(0);
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => log.warn({ err: error.message }, 'redis bus error'));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      try {
        const event = JSON.parse(message) as DomainEvent;
        this.local.emit(channel.slice(channelPrefix.length), event);
      } catch (error) {
        log.warn({ err: error, channel }, 'dropped a malformed event');
      }
    });
    this.connected = Promise.all([waitReady(this.publisher), waitReady(this.subscriber)]).then(
      () => undefined,
    );
  }

  async publish<T>(event: DomainEvent<T>): Promise<void> {
    await this.publisher.publish(channelPrefix + event.type, JSON.stringify(event));
  }

  subscribe<T>(contract: EventContract<T>, handler: EventHandler<T>): Unsubscribe {
    const stopListening = listen(this.local, contract, handler, this.log);
    const count = (this.counts.get(contract.type) ?? 0) + 1;
    this.counts.set(contract.type, count);
    if (count === 1) {
      this.subscriber.subscribe(channelPrefix + contract.type).catch((error: unknown) => {
        this.log.error({ err: error, type: contract.type }, 'redis subscribe failed');
      });
    }
    return () => {
      stopListening();
      const left = (this.counts.get(contract.type) ?? 1) - 1;
      this.counts.set(contract.type, left);
      if (left === 0)
        void this.subscriber.unsubscribe(channelPrefix + contract.type).catch(() => {});
    };
  }

  /** Resolves when both connections are up and every channel subscribed so far is active. */
  async ready(): Promise<void> {
    await this.connected;
    // A PING on the subscriber connection is answered after earlier SUBSCRIBE commands.
    await this.subscriber.ping();
  }

  async check(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}

function waitReady(connection: Redis): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => connection.once('ready', () => resolve()));
}

/** Redis when a URL is given (distributed mode), the in-process bus otherwise. */
export function createEventBus(redisUrl: string | undefined, log: Logger): EventBus {
  return redisUrl ? new RedisEventBus(redisUrl, log) : new InProcessEventBus(log);
}

/** The bus as a store of a service: /readyz reports it, start-up waits for it. */
export function eventBusStore(bus: EventBus): StoreConnector {
  return {
    name: bus.name,
    connect: () => bus.ready(),
    check: () => bus.check(),
    // The bus is shared by the services of one process; its owner closes it.
    close: async () => {},
  };
}
