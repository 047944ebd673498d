import type { IncomingMessage, Server } from 'node:http';
import {
  anonymous,
  principalFromHeader,
  type Logger,
  type Principal,
  type TokenKeys,
} from '@daena/platform';
import {
  GraphQLError,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import type { SubscriptionBridge } from './bridge.js';
import { admitSubscribe, type AdmissionOptions, type SubscriptionContext } from './admission.js';
import { ClassPrincipals, type ClassTokenSigning } from './class-principals.js';
import {
  defaultMaxBufferedBytes,
  formattedResult,
  nextFrameWriter,
  slowConsumerCloseCode,
  slowConsumerReason,
} from './socket-writes.js';
import { forwardSubscription } from './forward-subscription.js';
import {
  closeWhenTokenExpires,
  tokenExpiredCloseCode,
  tokenExpiredReason,
} from './token-expiry.js';
import { upgradeCheck, type UpgradeRefusal } from './upgrade-check.js';

export interface SubscriptionServerOptions extends AdmissionOptions {
  httpServer: Server;
  path: string;
  /** Verifies the token of `connection_init` (a TokenVerifier, or an HS256 secret). */
  tokens: TokenKeys;
  bridge: SubscriptionBridge<GatewayContext>;
  /** Runs queries and mutations sent over the socket through the gateway. */
  execute(
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | undefined,
    context: GatewayContext,
  ): Promise<ExecutionResult>;
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
  /** Rate limits (gateway/src/rate-limit): refuses an upgrade before the socket opens. */
  admitConnection?(request: IncomingMessage): Promise<UpgradeRefusal | null>;
  log: Logger;
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
  const classes = new ClassPrincipals(options.classTokens);
  const maxBufferedBytes = options.maxBufferedBytes ?? defaultMaxBufferedBytes;

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
      onSubscribe: async (ctx, id, payload) => {
        const principal = principals.get(ctx) ?? anonymous;
        const admitted = await admitSubscribe(options, ctx.extra.request, principal, payload);
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
        // A bridged subscription's payloads are written straight to its socket (socket-writes.ts).
        ((admitted as ExecutionArgs).contextValue as SubscriptionContext).deliver = nextFrameWriter(
          ctx.extra.socket,
          id,
          maxBufferedBytes,
        );
        return admitted;
      },
      // Forwarded streams go through graphql-ws's own sends: the same bound on what may wait, and
      // their errors come formatted already (graphql-ws would call toJSON on them).
      onNext: (ctx, _id, _payload, _args, result) => {
        const { socket } = ctx.extra;
        if (socket.bufferedAmount > maxBufferedBytes) {
          socket.close(slowConsumerCloseCode, slowConsumerReason);
        }
        return formattedResult(result);
      },
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
        if (!context.subscription || !context.deliver) {
          return { errors: [new GraphQLError('Not a subscription')] };
        }
        const sharing = classes.sharingFor(context.subscription.route.visibility, principal);
        return options.bridge.subscribe(
          {
            ...context.subscription,
            variables: (args.variableValues ?? {}) as Record<string, unknown>,
            sharing: sharing.key,
            context: async () => ({ principal: await sharing.principal() }),
          },
          context.deliver,
        );
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
