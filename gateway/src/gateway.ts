import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  ConfigError,
  eventBusStore,
  graphqlOptions,
  principalFromHeader,
  startService,
  type EventBus,
  type Logger,
} from '@daena/platform';
import { print, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { subgraphUrls, type GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { createResponseCache } from './response-cache/response-cache.js';
import { subgraphOwnership } from './response-cache/subgraph-ownership.js';
import { SubscriptionBridge } from './subscriptions/bridge.js';
import { attachSubscriptionServer } from './subscriptions/server.js';

export interface GatewayDependencies {
  config: GatewayConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
}

export interface RunningGateway {
  url: string;
  wsUrl: string;
  port: number;
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Forwards the caller's token: every subgraph verifies it again (ARCHITECTURE §6). */
class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    const token = context.principal?.token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
  }
}

/**
 * The gateway: Apollo Gateway on the committed supergraph (no introspection of subgraphs at
 * start-up), HTTP and graphql-ws on one /graphql path, subscriptions through the bridge.
 */
export async function startGateway(deps: GatewayDependencies): Promise<RunningGateway> {
  const { config, log, bus } = deps;
  const supergraphSdl = readSupergraph(config.SUPERGRAPH_PATH);
  const urls = subgraphUrls(config);
  let apiSchema: GraphQLSchema | undefined;
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => new AuthForwardingDataSource({ url: urls[name] ?? url }),
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
  const service = await startService<GatewayContext>({
    name: 'gateway',
    plugins: responseCache?.plugins ?? [],
    port: config.PORT,
    host: config.HOST,
    log,
    stores: [eventBusStore(bus)],
    ...options,
    createSchema: () => gateway,
    context: async (req) => ({
      principal: await principalFromHeader(deps.jwtSecret, req.headers.authorization),
    }),
  });
  responseCache?.registerMetrics(service.metrics);
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
    jwtSecret: deps.jwtSecret,
    schema: () => apiSchema,
    bridge,
    subgraphUrl: (name) => urls[name],
    execute: (document, variables, operationName, context) =>
      run(document, variables, context, operationName),
    limits: options.limits,
    production: options.production ?? false,
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
