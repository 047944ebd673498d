import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { forwardSubscription } from './forward-subscription.js';

/** A stand-in subgraph stream on a free port, answering every request with `listener`. */
let server: Server | undefined;
async function subgraph(listener: RequestListener): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/stream`;
}
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function results(url: string) {
  const all = [];
  for await (const result of forwardSubscription({
    url,
    query: 'subscription { s }',
    variables: {},
  }))
    all.push(result);
  return all;
}

describe('a forwarded subscription', () => {
  it('relays each result until the subgraph completes the stream', async () => {
    const url = await subgraph((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: next\ndata: {"data":{"s":1}}\n\n');
      res.end('event: next\ndata: {"data":{"s":2}}\n\nevent: complete\ndata:\n\n');
    });
    expect(await results(url)).toEqual([{ data: { s: 1 } }, { data: { s: 2 } }]);
  });

  it("ends with the subgraph's typed errors when it refuses the operation", async () => {
    const errors = [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }];
    const url = await subgraph((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
    });
    expect(await results(url)).toEqual([{ errors }]);
  });

  it('ends with one UNAVAILABLE error when the subgraph cuts the stream', async () => {
    const url = await subgraph((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: next\ndata: {"data":{"s":1}}\n\n', () => res.destroy());
    });
    const [first, last, ...rest] = await results(url);
    expect(first).toEqual({ data: { s: 1 } });
    expect(last?.errors?.[0]?.extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(rest).toEqual([]);
  });
});
