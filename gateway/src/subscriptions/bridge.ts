import { Repeater } from '@repeaterjs/repeater';
import type { DomainEvent, EventBus, Logger, Unsubscribe } from '@daena/platform';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
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

  constructor(
    private readonly bus: EventBus,
    private readonly run: RunQuery<TContext>,
    private readonly log: Logger,
  ) {}

  /** Number of distinct groups resolved per event (for metrics and tests). */
  get groupCount(): number {
    return this.groups.size;
  }

  subscribe(request: BridgeRequest<TContext>): AsyncIterableIterator<ExecutionResult> {
    const key = JSON.stringify([print(request.twin.document), request.variables, request.scope]);
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const group = this.groups.get(key) ?? this.openGroup(key, request);
      group.sinks.add(push);
      await stop;
      group.sinks.delete(push);
      if (group.sinks.size === 0) {
        group.stop();
        this.groups.delete(key);
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
    };
    this.groups.set(key, group);
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
