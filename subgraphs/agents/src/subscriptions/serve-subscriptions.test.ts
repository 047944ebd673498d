import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { anonymous, UnauthenticatedError, type Principal } from '@daena/platform';
import { silentLogger, waitFor } from '@daena/testing';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.js';
import { subscriptionStreamHandler, subscriptionStreamPath } from './serve-subscriptions.js';

/**
 * The subgraph's GraphQL-over-SSE endpoint on a real server, read by graphql-sse's own client
 * (as the gateway reads it): a stand-in schema whose `ticks` stream stays open until the reader
 * leaves, and records that it left.
 */
let left = 0;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      ticks: {
        type: GraphQLInt,
        args: { from: { type: GraphQLInt } },
        subscribe: (_root, { from }: { from: number }) => {
          const queue = new EventQueue<number>(() => left++);
          queue.push(from);
          queue.push(from + 1);
          return queue;
        },
        resolve: (tick: number) => tick,
      },
    },
  }),
});
const tokens: Record<string, Principal> = { 'Bearer good': { ...anonymous, sub: 'admin-1' } };

let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.post(
    subscriptionStreamPath,
    subscriptionStreamHandler({
      schema: () => schema,
      principal: async (header) => {
        const principal = header ? tokens[header] : anonymous;
        if (!principal) throw new UnauthenticatedError('Token expired', 'TOKEN_EXPIRED');
        return principal;
      },
      context: (principal) => ({ principal }),
      log: silentLogger(),
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${subscriptionStreamPath}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the subscription stream', () => {
  it('streams results to a graphql-sse client, and ends the work when the client leaves', async () => {
    const client = createClient({ url, headers: { authorization: 'Bearer good' } });
    const ticks = client.iterate({ query: 'subscription { ticks(from: 7) }' });
    expect((await ticks.next()).value).toEqual({ data: { ticks: 7 } });
    expect((await ticks.next()).value).toEqual({ data: { ticks: 8 } });
    client.dispose();
    await waitFor(() => expect(left).toBe(1));
  });

  it('refuses a bad token, a query and a request that reads no stream, as coded JSON', async () => {
    const expired = await post(
      { query: 'subscription { ticks(from: 1) }' },
      { authorization: 'Bearer bad' },
    );
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      errors: [
        {
          message: 'Token expired',
          extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
        },
      ],
    });
    const query = await post({ query: '{ ok }' });
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const notStreaming = await post(
      { query: 'subscription { ticks(from: 1) }' },
      { accept: '*/*' },
    );
    expect(notStreaming.status).toBe(406);
  });
});
