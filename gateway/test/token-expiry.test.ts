import { Role, signToken } from '@daena/platform';
import { testJwtSecret } from '@daena/testing';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../src/gateway.js';
import { startTestGateway } from './test-gateway.js';

let gateway: RunningGateway;
const clients: Client[] = [];

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway.close();
});

/** A subscribed client; resolves `closed` with the close event the server sends. */
function subscribedClient(token: string) {
  let socket: WebSocket | undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    const client = createClient({
      url: gateway.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: {
        connected: (s) => (socket = s as WebSocket),
        closed: (event) => resolve(event as { code: number; reason: string }),
      },
    });
    clients.push(client);
    client.subscribe(
      { query: 'subscription { proposalUpdates { id } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
  });
  return { closed, isOpen: () => socket?.readyState === WebSocket.OPEN };
}

describe('subscriptions outliving their token', () => {
  it('are closed with 4403 "Token expired" when the token expires', async () => {
    const claims = { sub: 'short-lived', roles: [Role.VIEWER] };
    const expiring = subscribedClient(await signToken(testJwtSecret, claims, '2s'));
    const lasting = subscribedClient(await signToken(testJwtSecret, claims, '1h'));

    const event = await expiring.closed;

    expect(event).toMatchObject({ code: 4403, reason: 'Token expired' });
    expect(lasting.isOpen()).toBe(true);
  });
});
