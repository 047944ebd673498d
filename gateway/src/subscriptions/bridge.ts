import { Repeater } from '@repeaterjs/repeater';
import type { DomainEvent, EventBus, Logger, Unsubscribe } from '@daena/platform';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { Gauge, type Registry } from 'prom-client';
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
  /** Subscribers that share a scope see the same data (same subject, roles and department). */
  scope: string;
  context: TContext;
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
 * authorization scope form one group; each bus event that concerns a group is resolved once,
 * through the gateway's own executor, and the result goes to every subscriber of the group.
 */
export class SubscriptionBridge<TContext> {
  private readonly groups = new Map<string, Group<TContext>>();

  private readonly groupsGauge: Gauge;
  private readonly subscribersGauge: Gauge;

  constructor(
    private readonly bus: EventBus,
    private readonly run: RunQuery<TContext>,
    private readonly log: Logger,
    registry: Registry,
  ) {
    this.groupsGauge = new Gauge({
      name: 'gateway_subscription_groups',
      help: 'Distinct (operation, variables, scope) groups listening on the bus; each event is resolved once per group',
      registers: [registry],
    });
    this.subscribersGauge = new Gauge({
      name: 'gateway_subscribers',
      help: 'Subscriptions whose events are being delivered',
      registers: [registry],
    });
  }

  subscribe(request: BridgeRequest<TContext>): AsyncIterableIterator<ExecutionResult> {
    const key = JSON.stringify([print(request.twin.document), request.variables, request.scope]);
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const group = this.groups.get(key) ?? this.openGroup(key, request);
      group.sinks.add(push);
      await group.listening;
      // Counted only once events flow, so `gateway_subscribers` tells a client it can act.
      this.subscribersGauge.inc();
      await stop;
      this.subscribersGauge.dec();
      group.sinks.delete(push);
      if (group.sinks.size === 0) {
        group.stop();
        this.groups.delete(key);
        this.groupsGauge.dec();
      }
    });
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
      result = await this.run(request.twin.document, variables, request.context);
    } catch (error) {
      this.log.error({ err: error, event: event.type }, 'subscription payload failed');
      return;
    }
    for (const sink of group.sinks) sink(result);
  }
}
