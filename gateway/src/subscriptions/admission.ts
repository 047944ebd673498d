import type { IncomingMessage } from 'node:http';
import { checkOperation, withCode, type OperationLimits, type Principal } from '@daena/platform';
import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { GatewayContext } from '../context.js';
import type {
  IncomingOperation,
  PersistedDocuments,
} from '../persisted-documents/persisted-documents.js';
import { buildQueryTwin, type QueryTwin } from './query-twin.js';
import type { ForwardedSubscription, SubscriptionRoute, SubscriptionRoutes } from './routes.js';
import type { Deliver } from './socket-writes.js';

/** The context of one operation on a socket: where a subscription goes, decided on admission. */
export interface SubscriptionContext extends GatewayContext {
  subscription?: { route: SubscriptionRoute; twin: QueryTwin; rootArgs: Record<string, unknown> };
  /** The owning subgraph's stream URL, for a forwarded subscription. */
  forwardTo?: string;
  /** Writes a bridged subscription's payloads to its socket. */
  deliver?: Deliver;
}

/** What admission needs of the subscription server's options. */
export interface AdmissionOptions {
  /** The API schema the gateway serves (undefined until the supergraph is loaded). */
  schema(): GraphQLSchema | undefined;
  /** Every subscription field's route, read from the supergraph (supergraph-routes.ts). */
  routes: SubscriptionRoutes;
  /** A subgraph's /graphql URL by its supergraph name, for forwarded subscriptions. */
  subgraphUrl(name: string): string | undefined;
  /** The same operation limits as HTTP requests; none when undefined. */
  limits?: OperationLimits | undefined;
  /** Production mode: validation messages carry no "Did you mean" suggestions. */
  production?: boolean;
  /** Trusted documents: a payload may name one by hash; in `only` mode nothing else runs. */
  persistedDocuments?: PersistedDocuments | undefined;
  /** Rate limits: refuses one operation or subscription with a coded error. */
  admitOperation?(request: IncomingMessage, principal: Principal): Promise<GraphQLError | null>;
}

/**
 * One `subscribe` message on a socket: its execution arguments (the context says where a
 * subscription goes: the bridge's route and query twin, or the owning subgraph's stream), or the
 * errors that refuse it (rate limit, trusted documents, the HTTP operation limits, bad arguments).
 */
export async function admitSubscribe(
  options: AdmissionOptions,
  request: IncomingMessage,
  principal: Principal,
  payload: SubscribePayload,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const limited = await options.admitOperation?.(request, principal);
  if (limited) return [limited];
  const schema = options.schema();
  if (!schema)
    return [new GraphQLError('The gateway is starting', { extensions: { code: 'UNAVAILABLE' } })];
  const operation: IncomingOperation = { ...payload };
  const untrusted = options.persistedDocuments?.resolve(operation);
  if (untrusted) return [withCode(untrusted, 'PERSISTED_DOCUMENT_REQUIRED')];
  const checked = checkOperation(
    schema,
    String(operation.query),
    payload.operationName,
    payload.variables ?? {},
    options,
  );
  if (checked.errors) return checked.errors;
  const { document } = checked;
  const contextValue: SubscriptionContext = { principal };
  const args: ExecutionArgs = {
    schema,
    document,
    operationName: payload.operationName ?? null,
    variableValues: payload.variables ?? {},
    contextValue,
  };
  const forward = forwardedField(document, payload.operationName, options.routes.forwarded);
  if (forward) {
    const url = options.subgraphUrl(forward.subgraph);
    if (!url) return [unavailableSubgraph(forward.subgraph)];
    contextValue.forwardTo = `${url}/stream`;
    return args;
  }
  try {
    const twin = resolveSubscription(
      schema,
      document,
      payload.operationName,
      payload.variables ?? {},
      options.routes.bridged,
    );
    if (twin) contextValue.subscription = twin;
  } catch (error) {
    return [withCode(error, 'BAD_USER_INPUT')];
  }
  return args;
}

/** For a subscription: its route, query twin and coerced root arguments; null for other operations. */
function resolveSubscription(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  routes: ReadonlyMap<string, SubscriptionRoute>,
) {
  const operation = subscriptionOperation(document, operationName);
  if (!operation) return null;
  const first = operation.selectionSet.selections[0];
  const route = first?.kind === 'Field' ? routes.get(first.name.value) : undefined;
  if (!route) throw new GraphQLError('This subscription field is not served by the gateway');
  const eventArguments = Object.keys(route.twinArguments);
  const twin = buildQueryTwin(schema, document, operationName, eventArguments, route.twin);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  const fieldDef = schema.getSubscriptionType()?.getFields()[route.field];
  if (!fieldDef) throw new GraphQLError(`Unknown subscription field ${route.field}`);
  const rootArgs = getArgumentValues(fieldDef, twin.field, coerced.coerced);
  const given = route.exclusive.filter((name) => rootArgs[name] != null);
  if (given.length > 1) {
    throw new GraphQLError(`Give at most one of ${given.join(', ')}`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'EXCLUSIVE_ARGUMENTS', fields: given },
    });
  }
  return { route, twin, rootArgs };
}

/** The operation to run, when it is a subscription. */
function subscriptionOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operation = document.definitions.find(
    (def) =>
      def.kind === 'OperationDefinition' && (!operationName || def.name?.value === operationName),
  );
  return operation?.kind === 'OperationDefinition' && operation.operation === 'subscription'
    ? operation
    : undefined;
}

/** The forwarded subscription the operation selects, if it is one. */
function forwardedField(
  document: DocumentNode,
  operationName: string | null | undefined,
  forwarded: ReadonlyMap<string, ForwardedSubscription>,
): ForwardedSubscription | undefined {
  const operation = subscriptionOperation(document, operationName);
  if (!operation) return undefined;
  const [first, ...rest] = operation.selectionSet.selections;
  if (rest.length > 0 || first?.kind !== 'Field') return undefined;
  return forwarded.get(first.name.value);
}

function unavailableSubgraph(name: string): GraphQLError {
  return new GraphQLError(`No URL is configured for the ${name} subgraph`, {
    extensions: { code: 'UNAVAILABLE' },
  });
}
