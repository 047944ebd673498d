import { Events } from '@daena/contracts';
import { waitFor } from '@daena/testing';
import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridgeServer } from './bridge-server.js';

/**
 * Issue 16 §7: an event whose query twin answers null for a group (a change to an entry its
 * members may not read) is withheld from that group: no null payload tells them that something
 * changed. An error still reaches them. The bridge and graphql-ws server are the real ones on a
 * real socket; the twin's execution is stood in for by answers chosen per event.
 */
/** Votes named `hidden-…` are invisible to the subscriber; `broken-…` fail to resolve. */
const run = (_document: unknown, variables: Record<string, unknown>): Promise<ExecutionResult> => {
  const id = String(variables['__event_asOfVote']);
  if (id.startsWith('hidden-')) return Promise.resolve({ data: { voteTally: null } });
  if (id.startsWith('broken-')) {
    return Promise.resolve({
      data: { voteTally: null },
      errors: [{ message: 'A service this request needs is unreachable' }] as never,
    });
  }
  return Promise.resolve({ data: { voteTally: { proposalId: 'p1', lastVote: { id } } } });
};
let served: Awaited<ReturnType<typeof startBridgeServer>>;
const clients: Client[] = [];

beforeAll(async () => {
  served = await startBridgeServer(run);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await served.close();
});

const query = 'subscription { voteTally(proposalId: "p1") { proposalId lastVote { id } } }';
type Tally = { voteTally: { lastVote: { id: string } } | null };

const metric = (name: string) => served.metric(name);

const vote = (voteId: string) =>
  served.bus.publish(Events.voteCast.create({ proposalId: 'p1', voteId, agentId: 'a', round: 1 }));

describe('an event the group may not see', () => {
  it('is withheld, while the events before and after it arrive in order', async () => {
    const client = createClient({ url: served.url, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    const payloads = client.iterate<Tally>({ query });
    await waitFor(async () => expect(await metric('gateway_subscribers')).toBe(1));

    await vote('seen-1');
    await vote('hidden-2');
    await vote('seen-3');
    await vote('broken-4');
    const received: ExecutionResult<Tally>[] = [];
    for (let i = 0; i < 3; i++)
      received.push((await payloads.next()).value as ExecutionResult<Tally>);

    expect(received.map((r) => r.data?.voteTally?.lastVote.id ?? null)).toEqual([
      'seen-1',
      'seen-3',
      null,
    ]);
    // A failure is not withheld: the subscriber learns the payload could not be resolved.
    expect(received[2]?.errors?.[0]?.message).toMatch(/unreachable/);
    expect(await metric('gateway_subscription_events_withheld_total')).toBe(1);
  });
});
