import { Events } from '@daena/contracts';
import {
  subscriptionsSpec,
  type DomainEvent,
  type EventContract,
  type VisibilityClassName,
} from '@daena/platform';
import {
  buildASTSchema,
  getDirectiveValues,
  getNamedType,
  isEnumType,
  isNonNullType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { subgraphOwnership } from '../response-cache/subgraph-ownership.js';
import type { ForwardedSubscription, SubscriptionRoute, SubscriptionRoutes } from './routes.js';
import { visibilityClasses } from './visibility.js';

/** The supergraph declares a subscription the gateway cannot serve; `problems` says which. */
export class SubscriptionRoutesError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The supergraph's subscriptions cannot be served:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SubscriptionRoutesError';
  }
}

type Field = GraphQLField<unknown, unknown>;

interface BusEventArguments {
  event: string;
  twin: string;
  filter?: string;
  exclusive?: string;
  twinArguments?: string;
  visibility?: string;
}

/**
 * The gateway's subscription routes, read from the supergraph: each Subscription field's
 * `@busEvent` (bridged from the bus) or `@subgraphStream` (forwarded to the subgraph that owns
 * it), as its subgraph declared it (packages/platform/src/subscription-directives.ts). Every
 * field must have exactly one, naming an event of @daena/contracts, a query twin that takes the
 * field's arguments, and arguments that exist; otherwise nothing is served and the gateway does
 * not start.
 */
export function subscriptionRoutesFrom(supergraphSdl: string): SubscriptionRoutes {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const catalogue = new Map(Object.values(Events).map((event) => [event.type, event]));
  const owners = subgraphOwnership(supergraphSdl);
  const problems: string[] = [];
  const bridged = new Map<string, SubscriptionRoute>();
  const forwarded = new Map<string, ForwardedSubscription>();
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const at = `Subscription.${field.name}`;
    const route = directiveValues(schema, subscriptionsSpec.busEvent, field) as
      BusEventArguments | undefined;
    const stream = directiveValues(schema, subscriptionsSpec.subgraphStream, field);
    if (route && stream) {
      problems.push(`${at} has both @busEvent and @subgraphStream`);
    } else if (route) {
      const report = (problem: string) => problems.push(`${at}: ${problem}`);
      const built = busRoute(schema, field, route, catalogue, report);
      if (built) bridged.set(field.name, built);
    } else if (stream) {
      const [subgraph, ...others] = owners.get(at) ?? [];
      if (subgraph && others.length === 0)
        forwarded.set(field.name, { field: field.name, subgraph });
      else problems.push(`${at}: @subgraphStream needs exactly one owning subgraph`);
    } else {
      problems.push(`${at} declares no route: add @busEvent or @subgraphStream in its subgraph`);
    }
  }
  if (problems.length > 0) throw new SubscriptionRoutesError(problems);
  return { bridged, forwarded };
}

function directiveValues(schema: GraphQLSchema, name: string, field: Field) {
  const directive = schema.getDirective(name);
  return directive && field.astNode ? getDirectiveValues(directive, field.astNode) : undefined;
}

/** One `@busEvent` as a route, every problem reported (none without a known event). */
function busRoute(
  schema: GraphQLSchema,
  field: Field,
  declared: BusEventArguments,
  catalogue: ReadonlyMap<string, EventContract<unknown>>,
  report: (problem: string) => void,
): SubscriptionRoute | undefined {
  const event = catalogue.get(declared.event);
  if (!event)
    report(`@busEvent names an unknown event "${declared.event}" (not in @daena/contracts)`);
  const twin = schema.getQueryType()?.getFields()[declared.twin];
  if (!twin) {
    report(`its twin Query.${declared.twin} does not exist`);
  } else {
    if (getNamedType(twin.type) !== getNamedType(field.type)) {
      report(`its twin Query.${twin.name} returns ${String(twin.type)}, not ${String(field.type)}`);
    }
    for (const arg of field.args) {
      if (!twin.args.some((twinArg) => twinArg.name === arg.name)) {
        report(`its twin Query.${twin.name} does not take its argument "${arg.name}"`);
      }
    }
  }
  const twinArguments: SubscriptionRoute['twinArguments'] = {};
  for (const { name, dataField } of pairs(declared.twinArguments, report)) {
    if (twin && !twin.args.some((arg) => arg.name === name)) {
      report(`its twin Query.${twin.name} has no argument "${name}" (twinArguments)`);
    }
    twinArguments[name] = (received) => eventData(received)[dataField];
  }
  const visibility = declared.visibility;
  const known = visibility === undefined || Object.hasOwn(visibilityClasses, visibility);
  if (!known) report(`@busEvent names an unknown visibility class "${visibility}"`);
  const matches = eventFilter(field, pairs(declared.filter, report), report);
  const exclusive = exclusiveArguments(field, declared.exclusive, report);
  if (!event) return undefined;
  return {
    field: field.name,
    event,
    twin: declared.twin,
    matches,
    exclusive,
    twinArguments,
    ...(visibility && known
      ? { visibility: visibilityClasses[visibility as VisibilityClassName] }
      : {}),
  };
}

/**
 * `filter`: every pair must hold. An argument left out (or empty) of a nullable argument matches
 * every event; a list in the event matches when it holds the argument; an enum argument is
 * compared by its name in lower case (the events carry the domain's values: CODE → code).
 */
function eventFilter(
  field: Field,
  filter: readonly Pair[],
  report: (problem: string) => void,
): SubscriptionRoute['matches'] {
  const tests = filter.map(({ name, dataField }) => {
    const arg = field.args.find((candidate) => candidate.name === name);
    if (!arg) report(`filter names "${name}", which is not one of its arguments`);
    const optional = !arg || !isNonNullType(arg.type);
    const enumArgument = !!arg && isEnumType(getNamedType(arg.type));
    return (args: Record<string, unknown>, received: DomainEvent) => {
      const value = args[name];
      if (optional && !value) return true;
      const wanted = enumArgument ? String(value).toLowerCase() : value;
      const actual = eventData(received)[dataField];
      return Array.isArray(actual) ? actual.includes(wanted) : actual === wanted;
    };
  });
  return (args, received) => tests.every((test) => test(args, received));
}

/** `exclusive`: names of the field's nullable arguments (a required one is always given). */
function exclusiveArguments(
  field: Field,
  text: string | undefined,
  report: (problem: string) => void,
): string[] {
  const names = text?.split(/[\s,]+/).filter((name) => name !== '') ?? [];
  for (const name of names) {
    const arg = field.args.find((candidate) => candidate.name === name);
    if (!arg || isNonNullType(arg.type)) {
      report(`exclusive names "${name}", which is not one of its nullable arguments`);
    }
  }
  return names;
}

interface Pair {
  /** The argument's name (of the subscription field, or of its twin). */
  name: string;
  /** The field of the event's data. */
  dataField: string;
}

/**
 * `"asOfVote: voteId"` → asOfVote ← voteId; `"proposalId"` → proposalId ← proposalId. Read as a
 * selection whose aliases are the argument names, as Federation reads `@key(fields:)`.
 */
function pairs(text: string | undefined, report: (problem: string) => void): Pair[] {
  if (!text) return [];
  try {
    const [operation] = parse(`{ ${text} }`, { noLocation: true }).definitions;
    if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
    return operation.selectionSet.selections.flatMap((selection) => {
      if (selection.kind !== Kind.FIELD || selection.selectionSet || selection.arguments?.length) {
        report(`"${text}" is not a list of "argument: dataField" pairs`);
        return [];
      }
      const dataField = selection.name.value;
      return [{ name: selection.alias?.value ?? dataField, dataField }];
    });
  } catch {
    report(`"${text}" is not a list of "argument: dataField" pairs`);
    return [];
  }
}

function eventData(event: DomainEvent): Record<string, unknown> {
  return (event.data ?? {}) as Record<string, unknown>;
}
