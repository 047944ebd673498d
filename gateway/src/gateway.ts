import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import {
  ConfigError,
  eventBusStore,
  graphqlOptions,
  startService,
  subgraphCallMetrics,
  type EventBus,
  type Logger,
  type SubgraphCall,
  type TokenVerifier,
} from '@daena/platform';
import { print, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createGatewayAudit } from './audit/gateway-audit.js';
import type { ClusterMetrics } from './cluster/gateway-cluster.js';
import { subgraphUrls, type GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { loadPersistedDocuments } from './persisted-documents/persisted-documents.js';
import { gatewayAccess } from './rate-limit/gateway-access.js';
import { createResponseCache } from './response-cache/response-cache.js';
import { subgraphOwnership } from './response-cache/subgraph-ownership.js';
import { keepAliveFetcher } from './subgraph-fetch/keep-alive-fetcher.js';
import { SubgraphDataSource } from './subgraph-fetch/subgraph-data-source.js';
import { SubscriptionBridge } from './subscriptions/bridge.js';
import { attachSubscriptionServer } from './subscriptions/server.js';
import { subscriptionRoutesFrom } from './subscriptions/supergraph-routes.js';
import { mountDashboard, type DashboardOptions } from './web/dashboard.js';

export interface GatewayDependencies {
  config: GatewayConfig;
  /** The HS256 secret; unset, only JWKS tokens are accepted (JWKS_URL). */
  jwtSecret?: string | undefined;
  /** A token verifier to share; by default one built from config and jwtSecret. */
  tokens?: TokenVerifier;
  log: Logger;
  bus: EventBus;
  /** The web dashboard at / (issue 20): where its build is, and the embedded-mode token mint. */
  dashboard?: DashboardOptions;
  /** Set in a cluster worker (GATEWAY_WORKERS): /metrics serves the whole cluster's figures. */
  clusterMetrics?: ClusterMetrics | undefined;
}

export interface RunningGateway {
  url: string;
  wsUrl: string;
  port: number;
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The gateway: Apollo Gateway on the committed supergraph (no introspection of subgraphs at
 * start-up), HTTP and graphql-ws on one /graphql path, subscriptions through the bridge.
 */
export async function startGateway(deps: GatewayDependencies): Promise<RunningGateway> {
  const { config, log, bus } = deps;
  const supergraphSdl = readSupergraph(config.SUPERGRAPH_PATH);
  const subscriptionRoutes = readSubscriptionRoutes(config.SUPERGRAPH_PATH, supergraphSdl);
  const urls = subgraphUrls(config);
  let apiSchema: GraphQLSchema | undefined;
  const subgraphHttp = keepAliveFetcher();
  // Per-subgraph-call RED metrics: the registry exists once the service starts, before any call.
  const subgraphCalls = { record: (_call: SubgraphCall): void => undefined };
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: log,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        url: urls[name] ?? url,
        fetcher: subgraphHttp.fetcher,
        subgraph: name,
        onCall: (call) => subgraphCalls.record(call),
      }),
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  const responseCache =
    config.RESPONSE_CACHE_MB > 0
      ? createResponseCache({
          bus,
          schema: () => apiSchema,
          ownership: subgraphOwnership(supergraphSdl),
          maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024,
          log,
        })
      : undefined;
  const options = graphqlOptions(config);
  const persisted = loadPersistedDocuments(
    config.PERSISTED_DOCUMENTS,
    config.PERSISTED_DOCUMENTS_PATH,
  );
  const access = gatewayAccess(deps);
  // Audit trail (issue 12 §6): every mutation and refused request, written to metrics.
  const audit = createGatewayAudit({ ...deps, principalOf: access.principalOf });
  const service = await startService<GatewayContext>({
    name: 'gateway',
    plugins: [...(responseCache?.plugins ?? []), ...(audit ? [audit.plugin] : [])],
    port: config.PORT,
    host: config.HOST,
    log,
    stores: [eventBusStore(bus), ...access.stores],
    ...options,
    createSchema: () => gateway,
    configure: (app) => {
      audit?.configure(app);
      access.configure(app);
      mountDashboard(app, deps);
    },
    ...(persisted ? { resolveDocument: (operation) => persisted.resolve(operation) } : {}),
    // A cluster worker joins the port's rotation once it serves, and reports the whole cluster.
    ...(deps.clusterMetrics
      ? { metricsText: deps.clusterMetrics.text, listenOnceReady: true }
      : {}),
    ...(audit
      ? { onHttpRefusal: (req, code, status) => audit.recordRefusal({ req, code, status }) }
      : {}),
    context: async (req) => ({
      principal: await access.principalOf(req),
      ...audit?.contextOf(req),
    }),
  });
  subgraphCalls.record = subgraphCallMetrics(service.metrics);
  responseCache?.registerMetrics(service.metrics);
  audit?.registerMetrics(service.metrics);
  deps.clusterMetrics?.register(service.metrics);
  const run = async (
    document: Parameters<typeof print>[0],
    variables: Record<string, unknown>,
    context: GatewayContext,
    operationName?: string,
  ): Promise<ExecutionResult> =>
    (await service.executeOperation(
      { query: print(document), variables, ...(operationName ? { operationName } : {}) },
      { ...context, bypassResponseCache: true },
    )) as ExecutionResult;
  const bridge = new SubscriptionBridge<GatewayContext>(bus, run, log, service.metrics);
  const subscriptions = attachSubscriptionServer({
    httpServer: service.httpServer,
    path: '/graphql',
    tokens: access.tokens,
    ...access.subscriptionHooks,
    schema: () => apiSchema,
    bridge,
    routes: subscriptionRoutes,
    subgraphUrl: (name) => urls[name],
    execute: (document, variables, operationName, context) =>
      run(document, variables, context, operationName),
    limits: options.limits,
    production: options.production ?? false,
    persistedDocuments: persisted,
    // Visibility classes execute under tokens the gateway signs (issue 14 §1); JWKS only: none.
    classTokens: deps.jwtSecret
      ? { secret: deps.jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }
      : undefined,
    ...(audit ? { onRefused: (refusal) => audit.recordSocketRefusal(refusal) } : {}),
    log,
  });
  return {
    url: service.url,
    wsUrl: service.url.replace(/^http/, 'ws'),
    port: service.port,
    ready: service.ready,
    async close() {
      await subscriptions.close();
      responseCache?.close();
      await service.close();
      await audit?.close();
      subgraphHttp.close();
    },
  };
}

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(
      'SUPERGRAPH_PATH',
      `SUPERGRAPH_PATH: cannot read ${path} (run npm run compose)`,
    );
  }
}

/** Each subscription field's route, as its subgraph declared it (`@busEvent`, `@subgraphStream`). */
function readSubscriptionRoutes(path: string, supergraphSdl: string) {
  try {
    return subscriptionRoutesFrom(supergraphSdl);
  } catch (error) {
    throw new ConfigError(
      'SUPERGRAPH_PATH',
      `SUPERGRAPH_PATH: ${path}: ${(error as Error).message}`,
    );
  }
}
