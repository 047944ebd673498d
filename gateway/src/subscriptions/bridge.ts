import type { DomainEvent, EventBus, Logger, Unsubscribe } from '@daena/platform';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { QueryTwin } from './query-twin.js';
import type { SubscriptionRoute } from './routes.js';
import { SharedPayload, type Deliver } from './socket-writes.js';

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
}

interface Group<TContext> {
  request: BridgeRequest<TContext>;
  /** Each subscriber's writer (socket-writes.ts): payloads go straight to its socket. */
  subscribers: Set<Deliver>;
  stop: Unsubscribe;
  /** Resolves once the bus delivers this group's events (Redis confirmed the subscription). */
  listening: Promise<void>;
  /** Events of one group are resolved one after another, so payloads arrive in event order. */
  queue: Promise<void>;
}

/**
 * The subscription bridge (ARCHITECTURE §3): subscribers with the same operation, variables and
 * visibility class form one group; each bus event that concerns a group is resolved once,
 * through the gateway's own executor, serialized once, and the same bytes are written to every
 * subscriber of the group: no per-subscriber queue, promise or stringification, so one event to
 * thousands of sockets costs one execution and a buffer copy per socket.
 */
export class SubscriptionBridge<TContext> {
  private readonly groups = new Map<string, Group<TContext>>();

  private readonly groupsGauge: Gauge;
  private readonly subscribersGauge: Gauge;
  private readonly executions: Counter<'field'>;
  private readonly slowConsumers: Counter;
  private readonly withheld: Counter<'field'>;

  constructor(
    private readonly bus: EventBus,
    private readonly run: RunQuery<TContext>,
    private readonly log: Logger,
    registry: Registry,
  ) {
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
      help: 'Subscribers disconnected because their socket stopped draining (close code 4413)',
      registers: [registry],
    });
    this.withheld = new Counter({
      name: 'gateway_subscription_events_withheld_total',
      help: 'Bus events not delivered to a group because its query twin answered null (nothing of the event its visibility class may see), by subscription field',
      labelNames: ['field'],
      registers: [registry],
    });
  }

  /**
   * Joins the request's group; its payloads go to `deliver` until graphql-ws ends the returned
   * iterator (the client's `complete`, or its socket closing). The iterator itself never yields.
   */
  subscribe(request: BridgeRequest<TContext>, deliver: Deliver): AsyncIterableIterator<never> {
    const key = JSON.stringify([print(request.twin.document), request.variables, request.sharing]);
    const group = this.groups.get(key) ?? this.openGroup(key, request);
    group.subscribers.add(deliver);
    let state: 'joining' | 'counted' | 'left' = 'joining';
    // Counted only once events flow, so `gateway_subscribers` tells a client it can act.
    void group.listening.then(
      () => {
        if (state !== 'joining') return;
        state = 'counted';
        this.subscribersGauge.inc();
      },
      () => undefined,
    );
    return idleUntilReturned(() => {
      if (state === 'counted') this.subscribersGauge.dec();
      state = 'left';
      group.subscribers.delete(deliver);
      if (group.subscribers.size === 0 && this.groups.get(key) === group) {
        group.stop();
        this.groups.delete(key);
        this.groupsGauge.dec();
      }
    });
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
      subscribers: new Set(),
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
    // A twin that answers null without an error found nothing of this event the group may see
    // (e.g. a change to an entry its members cannot read): nothing is sent, not even that
    // something changed.
    const key = request.twin.field.alias?.value ?? request.twin.field.name.value;
    if (!result.errors?.length && result.data?.[key] === null) {
      this.withheld.inc({ field: request.route.field });
      return;
    }
    const payload = new SharedPayload(result);
    for (const deliver of group.subscribers) {
      if (deliver(payload)) continue;
      // Cut off as a slow consumer: its socket is closing, and graphql-ws then ends its iterator.
      group.subscribers.delete(deliver);
      this.slowConsumers.inc();
    }
  }
}

/**
 * What the bridge hands graphql-ws for a subscription: an iterator that never yields (payloads
 * are written to the socket directly) and ends when graphql-ws returns it.
 */
function idleUntilReturned(onReturn: () => void): AsyncIterableIterator<never> {
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  let ended = false;
  let wake: ((result: typeof done) => void) | undefined;
  const end = () => {
    if (!ended) {
      ended = true;
      onReturn();
    }
    wake?.(done);
    return Promise.resolve(done);
  };
  const iterator: AsyncIterableIterator<never> = {
    next: () => (ended ? Promise.resolve(done) : new Promise((resolve) => (wake = resolve))),
    return: end,
    throw: async (error: unknown) => {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Retries of a payload whose subgraph was unreachable (errors.ts: SUBGRAPH_UNREACHABLE). */
const unreachableRetries = 2;

function subgraphUnreachable(result: ExecutionResult): boolean {
  return (
    !!result.errors?.length &&
    result.errors.every((error) => error.extensions?.['reason'] === 'SUBGRAPH_UNREACHABLE')
  );
}
