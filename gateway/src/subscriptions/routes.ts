import type { DomainEvent, EventContract } from '@daena/platform';
import type { Visibility } from './visibility.js';

/**
 * How a subscription root field is served from the bus: which event drives it, which events
 * concern a given subscriber, and which arguments carry the event into the field's query twin.
 * Declared by the field's `@busEvent` directive in its subgraph and read from the supergraph
 * (supergraph-routes.ts).
 */
export interface SubscriptionRoute {
  field: string;
  event: EventContract<unknown>;
  /** The Query field run with the subscriber's selection for each event. */
  twin: string;
  matches(args: Record<string, unknown>, event: DomainEvent): boolean;
  /** Arguments of which a subscriber may give at most one (`@busEvent(exclusive:)`). */
  exclusive: readonly string[];
  /** Arguments added to the query twin, each read from the event. */
  twinArguments: Record<string, (event: DomainEvent) => unknown>;
  /**
   * Which subscribers may share one execution per event (visibility.ts), derived from what the
   * resolvers reachable from the field's type check; unset: each identity executes its own.
   */
  visibility?: Visibility;
}

/**
 * A subscription root field the owning subgraph executes itself (`@subgraphStream`), forwarded
 * as it is (see `forward-subscription.ts`). For one caller's own work, not a fan-out of bus
 * events: each subscriber starts its own run, and leaving aborts it. The selection must stay
 * within the owning subgraph's types, as it does for `routeTaskStream`.
 */
export interface ForwardedSubscription {
  field: string;
  /** The subgraph's name in the supergraph. */
  subgraph: string;
}

/** Every subscription field of the supergraph, by name: bridged from the bus, or forwarded. */
export interface SubscriptionRoutes {
  bridged: ReadonlyMap<string, SubscriptionRoute>;
  forwarded: ReadonlyMap<string, ForwardedSubscription>;
}
