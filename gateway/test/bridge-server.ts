import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { InProcessEventBus } from '@daena/platform';
import { freePort, silentLogger, testJwtSecret } from '@daena/testing';
import { buildSchema, type ExecutionResult } from 'graphql';
import { Registry } from 'prom-client';
import type { GatewayContext } from '../src/context.js';
import { SubscriptionBridge } from '../src/subscriptions/bridge.js';
import { attachSubscriptionServer } from '../src/subscriptions/server.js';
import { subscriptionRoutesFrom } from '../src/subscriptions/supergraph-routes.js';

/** Runs a bridged subscription's query twin: the test's stand-in for the gateway's executor. */
export type TwinRun = (
  document: unknown,
  variables: Record<string, unknown>,
) => Promise<ExecutionResult>;

/**
 * The real subscription bridge and graphql-ws server on a real socket, over an in-process bus,
 * with the twin's execution stood in for by `run` (the repository's supergraph gives the routes).
 */
export async function startBridgeServer(run: TwinRun) {
  const schema = buildSchema(
    readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'),
  );
  const routes = subscriptionRoutesFrom(
    readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
  );
  const bus = new InProcessEventBus(silentLogger());
  const registry = new Registry();
  const bridge = new SubscriptionBridge<GatewayContext>(bus, run, silentLogger(), registry);
  const httpServer = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  const server = attachSubscriptionServer({
    httpServer,
    path: '/graphql',
    tokens: testJwtSecret,
    schema: () => schema,
    bridge,
    routes,
    subgraphUrl: () => undefined,
    execute: () => Promise.resolve({ data: null }),
    log: silentLogger(),
  });
  return {
    bus,
    url: `ws://127.0.0.1:${port}/graphql`,
    /** The value of a metric without labels (or its first series). */
    async metric(name: string): Promise<number> {
      return (await registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
    },
    async close(): Promise<void> {
      await server.close();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
