import { Repeater } from '@repeaterjs/repeater';
import type { DomainEvent, EventBus, Logger, Unsubscribe } from '@daena/platform';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { QueryTwin } from './query-twin.js';
import type { SubscriptionRoute } from './routes.js';

export type RunQuery<TContext> = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  context: TContext,
) => Promise<ExecutionResult>;

export interface BridgeRequest<TContext> {
  route: SubscriptionRoute;
  twin: QueryTwin;
  /** The client's variables, as sent. */
  variables: Record<string, unknown>;
  /** The subscription root field's arguments, coerced. */
  rootArgs: Record<string, unknown>;
  /**
   * Subscribers with equal sharing keys see the same data: their visibility class, or their
   * identity when they have none (class-principals.ts).
   */
  sharing: string;
  /** The context each execution runs in: the class principal's, or the subscriber's own. */
  context(): Promise<TContext>;
  /**
   * Called when this subscriber has more than `maxQueuedPayloads` payloads it has not taken (its
   * socket stopped draining); the payload is dropped, and the server disconnects it.
   */
  overflow?(): void;
}

export interface BridgeOptions {
  /**
   * Payloads one subscriber may have waiting: 100 is 10 s of a tally at 10 votes/s. Also keeps
   * the Repeater below its 1,024 pending pushes, past which it would throw inside a delivery
   * and cut the group's other subscribers off that event.
   */
  maxQueuedPayloads?: number;
}

type Sink = (result: ExecutionResult) => unknown;

interface Group<TContext> {
  request: BridgeRequest<TContext>;
  sinks: Set<Sink>;
  stop: Unsubscribe;
  /** Resolves once the bus delivers this group's events (Redis confirmed the subscription). */
  listening: Promise<void>;
  /** Events of one group are resolved one after another, so payloads arrive in event order. */
  queue: Promise<void>;
}

/**
 * The subscription bridge (ARCHITECTURE §3): subscribers with the same operation, variables and
 * visibility class form one group; each bus event that concerns a group is resolved once,
 * through the gateway's own executor, and the result goes to every subscriber of the group.
 */
export class SubscriptionBridge<TContext> {
  private readonly groups = new Map<string, Group<TContext>>();

  private readonly groupsGauge: Gauge;
  private readonly subscribersGauge: Gauge;
  private readonly executions: Counter<'field'>;
  private readonly slowConsumers: Counter;
  private readonly maxQueuedPayloads: number;

  constructor(
    private readonly bus: EventBus,
    private readonly run: RunQuery<TContext>,
    private readonly log: Logger,
    registry: Registry,
    options: BridgeOptions = {},
  ) {
    this.maxQueuedPayloads = options.maxQueuedPayloads ?? 100;
    this.groupsGauge = new Gauge({
      name: 'gateway_subscription_groups',
      help: 'Distinct (operation, variables, visibility class) groups listening on the bus; each event is resolved once per group',
      registers: [registry],
    });
    this.subscribersGauge = new Gauge({
      name: 'gateway_subscribers',
      help: 'Subscriptions whose events are being delivered',
      registers: [registry],
    });
    this.executions = new Counter({
      name: 'gateway_subscription_executions_total',
      help: 'Query twins executed for bus events (one per event and group), by subscription field',
      labelNames: ['field'],
      registers: [registry],
    });
    this.slowConsumers = new Counter({
      name: 'gateway_subscription_slow_consumers_total',
      help: 'Subscribers disconnected because their payloads piled up (maxQueuedPayloads)',
      registers: [registry],
    });
  }

  subscribe(request: BridgeRequest<TContext>): AsyncIterableIterator<ExecutionResult> {
    const key = JSON.stringify([print(request.twin.document), request.variables, request.sharing]);
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const group = this.groups.get(key) ?? this.openGroup(key, request);
      const sink = this.boundedSink(push, request);
      group.sinks.add(sink);
      await group.listening;
      // Counted only once events flow, so `gateway_subscribers` tells a client it can act.
      this.subscribersGauge.inc();
      await stop;
      this.subscribersGauge.dec();
      group.sinks.delete(sink);
      if (group.sinks.size === 0) {
        group.stop();
        this.groups.delete(key);
        this.groupsGauge.dec();
      }
    });
  }

  /** Pushes to one subscriber, dropping and reporting payloads past its bound. */
  private boundedSink(push: Sink, request: BridgeRequest<TContext>): Sink {
    let waiting = 0;
    let overflowed = false;
    return (result) => {
      if (waiting >= this.maxQueuedPayloads) {
        if (!overflowed) this.slowConsumers.inc();
        overflowed = true;
        request.overflow?.();
        return;
      }
      waiting++;
      // Settles once the subscriber has taken this payload (or has gone).
      void Promise.resolve(push(result)).then(
        () => waiting--,
        () => waiting--,
      );
    };
  }

  /**
   * Runs the query twin; retried when a subgraph connection dropped (ECONNRESET on a reused
   * keep-alive socket, seen under load): the twin is a read as of the event, so a retry returns
   * the same payload, and without it every subscriber of the group would get the error.
   */
  private async execute(
    request: BridgeRequest<TContext>,
    variables: Record<string, unknown>,
    context: TContext,
  ): Promise<ExecutionResult> {
    for (let attempt = 1; ; attempt++) {
      this.executions.inc({ field: request.route.field });
      const result = await this.run(request.twin.document, variables, context);
      if (attempt > unreachableRetries || !subgraphUnreachable(result)) return result;
    }
  }

  private openGroup(key: string, request: BridgeRequest<TContext>): Group<TContext> {
    const group: Group<TContext> = {
      request,
      sinks: new Set(),
      queue: Promise.resolve(),
      stop: this.bus.subscribe(request.route.event, (event) => {
        if (!request.route.matches(request.rootArgs, event)) return;
        group.queue = group.queue.then(() => this.deliver(group, event));
      }),
      listening: this.bus.ready(),
    };
    this.groups.set(key, group);
    this.groupsGauge.inc();
    return group;
  }

  private async deliver(group: Group<TContext>, event: DomainEvent): Promise<void> {
    const { request } = group;
    const variables = { ...request.variables };
    for (const [name, read] of Object.entries(request.route.twinArguments)) {
      const variable = request.twin.eventVariables[name];
      if (variable) variables[variable] = read(event);
    }
    let result: ExecutionResult;
    try {
      const context = await request.context();
      result = await this.execute(request, variables, context);
    } catch (error) {
      this.log.error({ err: error, event: event.type }, 'subscription payload failed');
      return;
    }
    for (const sink of group.sinks) sink(result);
  }
}

/** Retries of a payload whose subgraph was unreachable (errors.ts: SUBGRAPH_UNREACHABLE). */
const unreachableRetries = 2;

function subgraphUnreachable(result: ExecutionResult): boolean {
  return (
    !!result.errors?.length &&
    result.errors.every((error) => error.extensions?.['reason'] === 'SUBGRAPH_UNREACHABLE')
  );
}
