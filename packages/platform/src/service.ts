import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApolloServer,
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequest,
} from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type RequestHandler } from 'express';
import { GraphQLError, isSchema, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createErrorFormatter, DaenaError } from './errors.js';
import type { Registry } from 'prom-client';
import {
  graphqlHttpHandler,
  graphqlOverHttpPlugin,
  type GraphqlHttpOptions,
} from './http/graphql-http.js';
import { costLimitPlugin, operationShapeRule } from './limits/apollo-limits.js';
import { deadlinePlugin } from './limits/deadline.js';
import { boundListRows } from './limits/list-rows.js';
import {
  defaultOperationLimits,
  operationLimitsFrom,
  type OperationLimits,
  type OperationLimitsEnv,
} from './limits/operation-limits.js';
import { createMetricsRegistry, graphqlMetricsPlugin } from './metrics.js';
import { registerStoreHealth } from './metrics-stores.js';
import { retryWithBackoff } from './retry.js';
import { productionMode } from './service-config.js';

/** A store a service depends on (Postgres, Redis, Neo4j …). */
export interface StoreConnector {
  readonly name: string;
  /** Connects (and migrates or seeds); retried with backoff until it succeeds. */
  connect(): Promise<void>;
  /** A cheap liveness check for /readyz. */
  check(): Promise<void>;
  close(): Promise<void>;
  /** Registers the store's own Prometheus metrics on the service's registry. */
  registerMetrics?(registry: Registry): void;
}

export interface ServiceDefinition<TContext extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  log: Logger;
  stores: StoreConnector[];
  /** Builds the schema (or, for the gateway, the federated gateway) once stores are connected. */
  createSchema(): Promise<GraphQLSchema | GatewayInterface> | GraphQLSchema | GatewayInterface;
  context(request: Request): Promise<TContext>;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Off in production mode unless set. */
  introspection?: boolean;
  /** Operation limits (depth, aliases, cost …); none when undefined. See `graphqlOptions`. */
  limits?: OperationLimits;
  /** Production mode: no suggestions, no introspection (unless set), no internal messages. */
  production?: boolean;
  /** A subgraph's per-request deadline for resolving fields (the gateway plans, it resolves none). */
  deadlineMs?: number;
  /** The monotonic clock (ms) the deadline reads; performance.now() unless a test sets it. */
  clock?: () => number;
  /** Resolves documents sent by reference (the gateway's trusted documents). */
  resolveDocument?: GraphqlHttpOptions['resolveDocument'];
  /** Told of every request refused before Apollo Server sees it (the gateway's audit trail). */
  onHttpRefusal?: GraphqlHttpOptions['onRefused'];
  /** Extra routes (for example the gateway's dashboard); mounted before /graphql. */
  configure?(app: express.Express): void;
  /**
   * What /metrics serves instead of this process's registry: a cluster worker answers with the
   * aggregate of every worker of its cluster (the gateway's GATEWAY_WORKERS).
   */
  metricsText?(): Promise<string>;
  /**
   * Listen only once stores are connected and /graphql serves (needs a fixed `port`): a
   * node:cluster worker then joins its port's rotation only when it can answer, where otherwise
   * a connection handed to a worker still starting would get 503.
   */
  listenOnceReady?: boolean;
}

export interface RunningService<TContext extends BaseContext = BaseContext> {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  /** The service's Prometheus registry, for metrics of its own. */
  readonly metrics: Registry;
  /** Resolves when stores are connected and /graphql serves requests. */
  readonly ready: Promise<void>;
  /** Runs an operation through the full server pipeline (used by the subscription bridge). */
  executeOperation(request: GraphQLRequest, context: TContext): Promise<FormattedExecutionResult>;
  close(): Promise<void>;
}

const readinessTimeoutMs = 2_000;

/**
 * Starts a service: /healthz and /readyz answer at once; stores connect in the background with
 * backoff (a store that is down never crashes the service, /readyz names it); /graphql serves once
 * everything is connected and answers 503 UNAVAILABLE before that.
 */
export async function startService<TContext extends BaseContext>(
  definition: ServiceDefinition<TContext>,
): Promise<RunningService<TContext>> {
  const { name, log, stores } = definition;
  const registry = createMetricsRegistry(name);
  for (const store of stores) store.registerMetrics?.(registry);
  registerStoreHealth(registry, stores);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const abort = new AbortController();
  // Stores not connected yet, with the last connection error (what /readyz reports).
  const pending = new Map(stores.map((store) => [store.name, 'connecting']));
  let graphqlHandler: RequestHandler | undefined;
  let apollo: ApolloServer<TContext> | undefined;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: name });
  });
  app.get('/readyz', async (_req, res) => {
    const failing = await checkStores(stores, pending);
    const ok = failing.length === 0 && graphqlHandler !== undefined;
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ready' : 'unavailable', service: name, failing });
  });
  app.get('/metrics', async (_req, res) => {
    try {
      const text = await (definition.metricsText ? definition.metricsText() : registry.metrics());
      res.type(registry.contentType).send(text);
    } catch (error) {
      log.warn({ err: errorMessage(error) }, 'metrics unavailable');
      res
        .status(503)
        .type('text/plain')
        .send(`metrics unavailable: ${errorMessage(error)}\n`);
    }
  });
  definition.configure?.(app);
  app.use('/graphql', (req, res, next) => {
    if (graphqlHandler) return graphqlHandler(req, res, next);
    res.status(503).json({
      errors: [
        {
          message: `${name} is starting: waiting for ${[...pending.keys()].join(', ') || 'its schema'}`,
          extensions: { code: 'UNAVAILABLE' },
        },
      ],
    });
  });

  const listen = async () => {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(definition.port, definition.host ?? '127.0.0.1', () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    log.info({ url }, `${name} listening`);
  };
  let port = definition.port;
  let url = `http://${definition.host ?? '127.0.0.1'}:${port}/graphql`;
  if (!definition.listenOnceReady) {
    await listen();
    port = (httpServer.address() as AddressInfo).port;
    url = `http://${definition.host ?? '127.0.0.1'}:${port}/graphql`;
  }

  const ready = (async () => {
    await Promise.all(
      stores.map((store) =>
        retryWithBackoff(() => store.connect(), {
          signal: abort.signal,
          onRetry: (error, attempt, delay) => {
            pending.set(store.name, errorMessage(error));
            log.warn(
              { store: store.name, attempt, retryInMs: delay, err: errorMessage(error) },
              `waiting for ${store.name}`,
            );
          },
        }).then(() => {
          pending.delete(store.name);
          log.info({ store: store.name }, `${store.name} connected`);
        }),
      ),
    );
    const source = await definition.createSchema();
    const { limits, production = false } = definition;
    if (limits && isSchema(source)) boundListRows(source, limits.maxListRows);
    apollo = new ApolloServer<TContext>({
      ...(isSchema(source) ? { schema: source } : { gateway: source }),
      introspection: definition.introspection ?? !production,
      hideSchemaDetailsFromClientErrors: production,
      includeStacktraceInErrorResponses: false,
      // Our own guard (graphql-http.ts) refuses the simple content types that Apollo's does, but
      // lets GET queries through: GraphQL over HTTP allows them, and mutations over GET get 405.
      csrfPrevention: false,
      allowBatchedHttpRequests: (limits?.maxBatch ?? 1) > 1,
      ...(limits
        ? {
            parseOptions: { maxTokens: limits.maxTokens },
            validationRules: [operationShapeRule(limits)],
          }
        : {}),
      // runMain owns SIGINT/SIGTERM; Apollo's own handlers would race it and hang the stop.
      stopOnTerminationSignals: false,
      formatError: createErrorFormatter((error) => log.error({ err: error }, 'unexpected error')),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        graphqlMetricsPlugin<TContext>(registry),
        // Subgraphs send no Apollo Studio traces (we keep our own metrics).
        ...(isSchema(source) ? [ApolloServerPluginInlineTraceDisabled()] : []),
        graphqlOverHttpPlugin<TContext>(),
        ...(limits ? [costLimitPlugin<TContext>(limits)] : []),
        ...(definition.deadlineMs && isSchema(source)
          ? [deadlinePlugin<TContext>(definition.deadlineMs, definition.clock)]
          : []),
        ...(definition.plugins ?? []),
      ],
    });
    await apollo.start();
    const middleware = expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await definition.context(req);
        } catch (error) {
          throw asHttpError(error);
        }
      },
    });
    graphqlHandler = graphqlHttpHandler(middleware, {
      maxBodyBytes: limits?.maxBodyBytes ?? defaultOperationLimits.maxBodyBytes,
      maxBatch: limits?.maxBatch ?? 1,
      ...(definition.resolveDocument ? { resolveDocument: definition.resolveDocument } : {}),
      ...(definition.onHttpRefusal ? { onRefused: definition.onHttpRefusal } : {}),
    });
    if (definition.listenOnceReady) await listen();
    log.info({ url }, `${name} ready`);
  })();
  // The caller may never await `ready`; a failure is still logged, never unhandled.
  ready.catch((error: unknown) => {
    if (!abort.signal.aborted) log.error({ err: error }, `${name} failed to start`);
  });

  return {
    name,
    url,
    port,
    httpServer,
    metrics: registry,
    ready,
    async executeOperation(request, context) {
      await ready;
      if (!apollo) throw new Error(`${name} is not running`);
      const response = await apollo.executeOperation(request, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported');
      return response.body.singleResult;
    },
    async close() {
      abort.abort(new Error(`${name} stopped`));
      await ready.catch(() => undefined);
      if (apollo) await apollo.stop();
      else await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      // Newest first, one at a time: a store declared later may need an earlier one to close (the
      // router flushes its statistics to Postgres); closed together, that flush waited out the
      // pool's 60 s acquire timeout on a pool already gone.
      for (const store of [...stores].reverse()) {
        await Promise.resolve()
          .then(() => store.close())
          .catch((error: unknown) =>
            log.warn({ err: error, store: store.name }, 'store close failed'),
          );
      }
      log.info(`${name} stopped`);
    },
  };
}

/**
 * A service's GraphQL options from its validated env (serviceEnvSchema): limits, production mode
 * and the resolving deadline, to spread into its ServiceDefinition.
 */
export function graphqlOptions(
  config: OperationLimitsEnv & { NODE_ENV: string; GRAPHQL_DEADLINE_MS: number },
): Pick<ServiceDefinition<BaseContext>, 'limits' | 'production' | 'deadlineMs'> {
  const limits = operationLimitsFrom(config);
  return {
    ...(limits ? { limits } : {}),
    production: productionMode(config),
    deadlineMs: config.GRAPHQL_DEADLINE_MS,
  };
}

async function checkStores(stores: StoreConnector[], pending: Map<string, string>) {
  const results = await Promise.all(
    stores.map(async (store) => {
      const connecting = pending.get(store.name);
      if (connecting !== undefined) return { store: store.name, error: connecting };
      try {
        await withTimeout(store.check(), readinessTimeoutMs);
        return null;
      } catch (error) {
        return { store: store.name, error: errorMessage(error) };
      }
    }),
  );
  return results.filter((result) => result !== null);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Context errors (bad token …) become proper HTTP errors instead of a 500. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof DaenaError)) return error;
  const status =
    error.code === 'UNAUTHENTICATED'
      ? 401
      : error.code === 'FORBIDDEN'
        ? 403
        : error.code === 'UNAVAILABLE'
          ? 503
          : 400;
  return new GraphQLError(error.message, {
    extensions: { code: error.code, reason: error.reason, http: { status } },
  });
}
