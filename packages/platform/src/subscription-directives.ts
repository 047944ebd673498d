import { Directive, Subscription } from 'type-graphql';
import type { EventContract } from './events.js';

/**
 * How a subscription field is served, declared in its subgraph's SDL and composed into the
 * supergraph (`@composeDirective`), where the gateway reads its routes at start-up
 * (gateway/src/subscriptions/supergraph-routes.ts). Composed directives never reach the API
 * schema: clients do not see them.
 */
export const subscriptionsSpec = {
  url: 'https://specs.daena.dev/subscriptions/v1.0',
  busEvent: 'busEvent',
  subgraphStream: 'subgraphStream',
} as const;

/**
 * Who may share one execution per event: the gateway's visibility classes
 * (gateway/src/subscriptions/visibility.ts). Unset, each caller executes its own.
 */
const visibilityClassNames = ['sameForEveryone', 'byRoles', 'sealedVotes', 'byDepartment'] as const;
export type VisibilityClassName = (typeof visibilityClassNames)[number];

/** The directives' definitions, added to a subgraph's SDL when it uses them. */
export const subscriptionDirectiveDefinitions = `
"""
A subscription field the gateway serves from the event bus (ARCHITECTURE §3): on each \`event\` that
passes \`filter\`, it runs the subscriber's selection as the Query field \`twin\`, with
\`twinArguments\` read from the event, so the payload shows the state the event announced.
"""
directive @${subscriptionsSpec.busEvent}(
  """The event type, as @daena/contracts declares it (decisions.vote.cast)"""
  event: String!
  """The Query field that returns the payload for one event; it takes the field's arguments too"""
  twin: String!
  """
  The events that concern a subscriber, as \`argument: dataField\` pairs like aliases in a
  selection (a bare name when both are the same): the event's field equals the argument, or holds
  it when it is a list; a nullable argument left out matches every event; an enum argument is
  compared by its name in lower case (CODE: code)
  """
  filter: String
  """
  Arguments of which a subscriber may give at most one (names of nullable arguments, space
  separated), e.g. two ways of naming one thing: more is refused with BAD_USER_INPUT
  """
  exclusive: String
  """The twin's arguments read from the event, as \`twinArgument: dataField\` pairs"""
  twinArguments: String
  """
  Who may share one execution per event: ${visibilityClassNames.join(', ')}; unset, each caller
  executes its own
  """
  visibility: String
) on FIELD_DEFINITION

"""
A subscription field this subgraph executes itself, over GraphQL over SSE at /graphql/stream
(distinct connections mode); the gateway forwards each subscriber's operation to it.
"""
directive @${subscriptionsSpec.subgraphStream} on FIELD_DEFINITION
`;

/** The `@link` and `@composeDirective`s that carry the directives into the supergraph. */
export const subscriptionDirectiveLink =
  `extend schema @link(url: "${subscriptionsSpec.url}", import: ["@${subscriptionsSpec.busEvent}", "@${subscriptionsSpec.subgraphStream}"])` +
  ` @composeDirective(name: "@${subscriptionsSpec.busEvent}")` +
  ` @composeDirective(name: "@${subscriptionsSpec.subgraphStream}")\n`;

/** type-graphql's return type thunk (`() => VoteTally`), which it does not export. */
type ReturnTypeFunc = Extract<Parameters<typeof Subscription>[0], (...args: never[]) => unknown>;

/** A field name of the event's payload. */
type DataField<T> = Extract<keyof T, string>;

export interface BusEventRoute<T> {
  event: EventContract<T>;
  /** The Query field that returns one event's payload (the query twin). */
  twin: string;
  /** Subscription argument → the event field it is compared with. */
  filter?: Record<string, DataField<T>>;
  /** Nullable arguments of which a subscriber may give at most one. */
  exclusive?: readonly string[];
  /** Twin argument → the event field it is read from. */
  twinArguments?: Record<string, DataField<T>>;
  visibility?: VisibilityClassName;
}

/** `@busEvent(…)` for a type-graphql `@Directive`, with the event's fields checked by TypeScript. */
function busEvent<T>(route: BusEventRoute<T>): string {
  const pairs = (mapping: Record<string, string>) =>
    Object.entries(mapping)
      .map(([name, field]) => (name === field ? name : `${name}: ${field}`))
      .join(' ');
  const args = [
    `event: ${JSON.stringify(route.event.type)}`,
    `twin: ${JSON.stringify(route.twin)}`,
    ...(route.filter ? [`filter: ${JSON.stringify(pairs(route.filter))}`] : []),
    ...(route.exclusive ? [`exclusive: ${JSON.stringify(route.exclusive.join(' '))}`] : []),
    ...(route.twinArguments
      ? [`twinArguments: ${JSON.stringify(pairs(route.twinArguments))}`]
      : []),
    ...(route.visibility ? [`visibility: ${JSON.stringify(route.visibility)}`] : []),
  ];
  return `@${subscriptionsSpec.busEvent}(${args.join(', ')})`;
}

export interface BusSubscriptionOptions<T> extends BusEventRoute<T> {
  /** The field's name, when the method's differs (its query twin has the method name). */
  name?: string;
  description: string;
}

/**
 * A Subscription field the gateway bridges from the bus: type-graphql's `@Subscription` (the
 * field is in the subgraph's SDL so it is composed into the supergraph; subgraphs never execute
 * it, their PubSub delivers nothing) with its `@busEvent` route.
 */
export function BusSubscription<T>(
  returns: ReturnTypeFunc,
  options: BusSubscriptionOptions<T>,
): MethodDecorator {
  const { name, description, ...route } = options;
  const field = Subscription(returns, {
    ...(name ? { name } : {}),
    description,
    topics: route.event.type,
  });
  const directive = Directive(busEvent(route));
  return (prototype, key, descriptor) => {
    directive(prototype, key, descriptor);
    field(prototype, key, descriptor);
  };
}

/** `@subgraphStream` for a type-graphql `@Directive`. */
export const subgraphStream = `@${subscriptionsSpec.subgraphStream}`;
