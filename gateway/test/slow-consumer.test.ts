import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { InProcessEventBus } from '@daena/platform';
import { Events } from '@daena/contracts';
import { freePort, silentLogger, testJwtSecret, waitFor } from '@daena/testing';
import { buildSchema, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { GatewayContext } from '../src/context.js';
import { SubscriptionBridge } from '../src/subscriptions/bridge.js';
import { attachSubscriptionServer } from '../src/subscriptions/server.js';
import { slowConsumerCloseCode } from '../src/subscriptions/socket-writes.js';
import { subscriptionRoutesFrom } from '../src/subscriptions/supergraph-routes.js';

/**
 * Issue 14 §2: a subscriber that stops reading is cut off with 4413 once 1 MiB waits on its socket,
 * and the others of its group keep receiving every payload meanwhile. The bridge and the
 * graphql-ws server are the real ones, on a real socket; the query twin's execution is stood in
 * for by 64 KB payloads, so the kernel's socket buffers fill within a few hundred events.
 */
const schema = buildSchema(
  readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'),
);
const routes = subscriptionRoutesFrom(
  readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
);
const bus = new InProcessEventBus(silentLogger());
const registry = new Registry();
const filler = 'x'.repeat(64 * 1024);
const run = (_document: unknown, variables: Record<string, unknown>): Promise<ExecutionResult> =>
  Promise.resolve({
    data: { voteTally: { proposalId: filler, lastVote: { id: variables['__event_asOfVote'] } } },
  });
const bridge = new SubscriptionBridge<GatewayContext>(bus, run, silentLogger(), registry);
let httpServer: Server;
let url: string;
let server: { close(): Promise<void> };
const clients: Client[] = [];

beforeAll(async () => {
  httpServer = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${port}/graphql`;
  server = attachSubscriptionServer({
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
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server.close();
  await new Promise((resolve) => httpServer.close(resolve));
});

const query = 'subscription { voteTally(proposalId: "p1") { proposalId lastVote { id } } }';
type Tally = { voteTally: { lastVote: { id: string } } };

/** A raw graphql-transport-ws client that subscribes and then can stop reading. */
function slowClient() {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
  socket.on('message', (data: Buffer) => {
    if (String(data).includes('connection_ack')) {
      socket.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query } }));
    }
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { socket, closed };
}

async function metric(name: string): Promise<number> {
  return (await registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
}

describe('a slow consumer', () => {
  it('is disconnected with 4413 while the others of its group get every payload', async () => {
    const fastClient = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(fastClient);
    const fast = fastClient.iterate<Tally>({ query });
    const slow = slowClient();
    await waitFor(async () => expect(await metric('gateway_subscribers')).toBe(2));
    slow.socket.pause();

    const events = 400;
    for (let n = 1; n <= events; n++) {
      await bus.publish(
        Events.voteCast.create({ proposalId: 'p1', voteId: `v${n}`, agentId: 'a', round: 1 }),
      );
      const next = await fast.next();
      expect((next.value as { data: Tally }).data.voteTally.lastVote.id).toBe(`v${n}`);
    }
    slow.socket.resume();

    expect(await slow.closed).toBe(slowConsumerCloseCode);
    expect(await metric('gateway_subscription_slow_consumers_total')).toBe(1);
    expect(await metric('gateway_subscription_groups')).toBe(1);
  });
});
