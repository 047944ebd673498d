import type { IncomingMessage, OutgoingHttpHeaders, Server } from 'node:http';
import {
  anonymous,
  checkOperation,
  principalFromHeader,
  withCode,
  type Logger,
  type OperationLimits,
  type Principal,
  type TokenKeys,
} from '@daena/platform';
import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import type { SubscriptionBridge } from './bridge.js';
import type {
  IncomingOperation,
  PersistedDocuments,
} from '../persisted-documents/persisted-documents.js';
import { ClassPrincipals, type ClassTokenSigning } from './class-principals.js';
import { SocketWrites, slowConsumerCloseCode, slowConsumerReason } from './socket-writes.js';
import { buildQueryTwin, type QueryTwin } from './query-twin.js';
import { forwardSubscription } from './forward-subscription.js';
import type { ForwardedSubscription, SubscriptionRoute, SubscriptionRoutes } from './routes.js';
import {
  closeWhenTokenExpires,
  tokenExpiredCloseCode,
  tokenExpiredReason,
} from './token-expiry.js';

interface SubscriptionContext extends GatewayContext {
  subscription?: { route: SubscriptionRoute; twin: QueryTwin; rootArgs: Record<string, unknown> };
  /** The owning subgraph's stream URL, for a forwarded subscription. */
  forwardTo?: string;
  /** Closes the subscriber's socket as a slow consumer (its payloads piled up). */
  disconnectSlow?: () => void;
}

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  /** Verifies the token of `connection_init` (a TokenVerifier, or an HS256 secret). */
  tokens: TokenKeys;
  /** The API schema the gateway serves (undefined until the supergraph is loaded). */
  schema(): GraphQLSchema | undefined;
  bridge: SubscriptionBridge<GatewayContext>;
  /** Every subscription field's route, read from the supergraph (supergraph-routes.ts). */
  routes: SubscriptionRoutes;
  /** A subgraph's /graphql URL by its supergraph name, for forwarded subscriptions. */
  subgraphUrl(name: string): string | undefined;
  /** Runs queries and mutations sent over the socket through the gateway. */
  execute(
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | undefined,
    context: GatewayContext,
  ): Promise<ExecutionResult>;
  /** The same operation limits as HTTP requests; none when undefined. */
  limits?: OperationLimits | undefined;
  /** Production mode: validation messages carry no "Did you mean" suggestions. */
  production?: boolean;
  /** Told of every subscription or operation refused on a socket (the audit trail). */
  onRefused?(refusal: {
    request: IncomingMessage;
    principal: Principal | null;
    code: string;
    query?: string | undefined;
    operationName?: string | undefined;
  }): void;
  /**
   * How the gateway signs tokens for visibility classes (issue 14 §1); unset (JWKS only), only
   * anonymous classes are shared and other subscribers execute as themselves.
   */
  classTokens?: ClassTokenSigning | undefined;
  /** Bytes one socket may have waiting before it is closed as a slow consumer (4413). */
  maxBufferedBytes?: number | undefined;
  /** Trusted documents: a payload may name one by hash; in `only` mode nothing else runs. */
  persistedDocuments?: PersistedDocuments | undefined;
  /** Rate limits (gateway/src/rate-limit): refuses an upgrade before the socket opens. */
  admitConnection?(request: IncomingMessage): Promise<UpgradeRefusal | null>;
  /** Rate limits: refuses one operation or subscription with a coded error. */
  admitOperation?(request: IncomingMessage, principal: Principal): Promise<GraphQLError | null>;
  log: Logger;
}

interface UpgradeRefusal {
  status: number;
  message: string;
  headers: OutgoingHttpHeaders;
}

/**
 * graphql-ws (graphql-transport-ws protocol) on the gateway's /graphql path. The token comes in
 * `connection_init`'s payload as `{ authorization: "Bearer …" }`; a bad token closes the socket
 * with 4403. Subscriptions go to the bridge (bus fan-out), or for `@subgraphStream` fields to the
 * owning subgraph's stream; queries and mutations to the gateway.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions) {
  const { log } = options;
  const { admitConnection } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    ...(admitConnection ? { verifyClient: upgradeCheck(admitConnection, log) } : {}),
  });
  const principals = new WeakMap<object, Principal>();
  const expiryTimers = new WeakMap<object, () => void>();
  const { bridged: routes, forwarded } = options.routes;
  const classes = new ClassPrincipals(options.classTokens);
  // Before useServer: its connection handler must find each socket's send already wrapped.
  const writes = new SocketWrites(options.maxBufferedBytes);
  writes.attach(wss);

  /** The subscription's execution arguments, or the errors that refuse it. */
  const admit = async (
    request: IncomingMessage,
    principal: Principal,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
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
    const forward = forwardedField(document, payload.operationName, forwarded);
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
        routes,
      );
      if (twin) contextValue.subscription = twin;
    } catch (error) {
      return [withCode(error, 'BAD_USER_INPUT')];
    }
    return args;
  };

  const server = useServer<Record<string, unknown> | undefined>(
    {
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.['authorization'];
        let principal: Principal;
        try {
          principal = await principalFromHeader(
            options.tokens,
            typeof header === 'string' ? header : undefined,
          );
        } catch {
          return false;
        }
        principals.set(ctx, principal);
        const close = () => ctx.extra.socket.close(tokenExpiredCloseCode, tokenExpiredReason);
        expiryTimers.set(ctx, closeWhenTokenExpires(principal, close));
        return true;
      },
      onClose: (ctx) => expiryTimers.get(ctx)?.(),
      onSubscribe: async (ctx, _id, payload) => {
        const principal = principals.get(ctx) ?? anonymous;
        const admitted = await admit(ctx.extra.request, principal, payload);
        if (Array.isArray(admitted)) {
          options.onRefused?.({
            request: ctx.extra.request,
            principal,
            code: String(admitted[0]?.extensions['code'] ?? 'BAD_REQUEST'),
            query: payload.query,
            operationName: payload.operationName ?? undefined,
          });
          return admitted;
        }
        const { socket } = ctx.extra;
        ((admitted as ExecutionArgs).contextValue as SubscriptionContext).disconnectSlow = () =>
          socket.close(slowConsumerCloseCode, slowConsumerReason);
        return admitted;
      },
      // Serialized once per result, shared by every socket of a bridge group (socket-writes.ts).
      onNext: (ctx, id, _payload, _args, result) =>
        writes.payloadFor(ctx.extra.socket, id, result) as FormattedExecutionResult,
      execute: (args) =>
        options.execute(
          args.document,
          (args.variableValues ?? {}) as Record<string, unknown>,
          args.operationName ?? undefined,
          args.contextValue as GatewayContext,
        ),
      subscribe: (args) => {
        const context = args.contextValue as SubscriptionContext;
        const { principal } = context;
        if (context.forwardTo) {
          return forwardSubscription({
            url: context.forwardTo,
            query: print(args.document),
            variables: (args.variableValues ?? {}) as Record<string, unknown>,
            operationName: args.operationName ?? undefined,
            token: principal.token ?? undefined,
          });
        }
        if (!context.subscription) return { errors: [new GraphQLError('Not a subscription')] };
        const sharing = classes.sharingFor(context.subscription.route.visibility, principal);
        return options.bridge.subscribe({
          ...context.subscription,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          sharing: sharing.key,
          context: async () => ({ principal: await sharing.principal() }),
          ...(context.disconnectSlow ? { overflow: context.disconnectSlow } : {}),
        });
      },
    },
    wss,
  );
  log.info({ path: options.path }, 'graphql-ws subscriptions ready');
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** ws's verifyClient from an admission check: a refusal is answered as plain HTTP. */
function upgradeCheck(
  admit: (request: IncomingMessage) => Promise<UpgradeRefusal | null>,
  log: Logger,
) {
  return (
    info: { req: IncomingMessage },
    callback: (
      ok: boolean,
      status?: number,
      message?: string,
      headers?: OutgoingHttpHeaders,
    ) => void,
  ) => {
    admit(info.req).then(
      (refusal) =>
        refusal
          ? callback(false, refusal.status, refusal.message, refusal.headers)
          : callback(true),
      (error: unknown) => {
        log.error({ err: error }, 'WebSocket admission check failed');
        callback(false, 500, 'Internal Server Error');
      },
    );
  };
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
