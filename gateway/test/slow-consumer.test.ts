import { Events } from '@daena/contracts';
import { waitFor } from '@daena/testing';
import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { slowConsumerCloseCode } from '../src/subscriptions/socket-writes.js';
import { startBridgeServer } from './bridge-server.js';

/**
 * Issue 14 §2: a subscriber that stops reading is cut off with 4413 once 1 MiB waits on its socket,
 * and the others of its group keep receiving every payload meanwhile. The bridge and the
 * graphql-ws server are the real ones, on a real socket; the query twin's execution is stood in
 * for by 64 KB payloads, so the kernel's socket buffers fill within a few hundred events.
 */
const filler = 'x'.repeat(64 * 1024);
const run = (_document: unknown, variables: Record<string, unknown>): Promise<ExecutionResult> =>
  Promise.resolve({
    data: { voteTally: { proposalId: filler, lastVote: { id: variables['__event_asOfVote'] } } },
  });
let served: Awaited<ReturnType<typeof startBridgeServer>>;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  served = await startBridgeServer(run);
  url = served.url;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await served.close();
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

const metric = (name: string) => served.metric(name);

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
      await served.bus.publish(
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
