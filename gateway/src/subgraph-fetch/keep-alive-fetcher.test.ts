import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepAliveFetcher } from './keep-alive-fetcher.js';

interface Received {
  method: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
  socketPort: number | undefined;
}

describe('keepAliveFetcher', () => {
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let answer: { status: number; contentType: string; body: string };
  /** Which requests the subgraph drops by closing their connection before answering. */
  let drop: 'none' | 'on reused connections' | 'all';
  const http = keepAliveFetcher();

  beforeEach(async () => {
    received.length = 0;
    answer = { status: 200, contentType: 'application/json', body: '{"data":{"ok":true}}' };
    drop = 'none';
    const served = new WeakMap<Socket, number>();
    server = createServer((req, res) => {
      const onConnection = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, onConnection);
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({
          method: req.method,
          headers: req.headers,
          body,
          socketPort: req.socket.remotePort,
        });
        if (drop === 'all' || (drop === 'on reused connections' && onConnection > 1)) {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, {
          'content-type': answer.contentType,
          'cache-control': 'max-age=5, public',
        });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  afterAll(() => http.close());

  it('posts the body with its headers and hands back status, headers and JSON', async () => {
    const body = JSON.stringify({ query: '{ ok }', variables: { name: 'é' } });
    const response = await http.fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body,
    });

    expect(received[0]).toMatchObject({
      method: 'POST',
      body,
      headers: { authorization: 'Bearer t', 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(response).toMatchObject({ ok: true, status: 200, url });
    expect(response.headers.get('Cache-Control')).toBe('max-age=5, public');
    expect(await response.json()).toEqual({ data: { ok: true } });
  });

  it('reuses one connection for fetches one after another', async () => {
    for (let i = 0; i < 3; i++)
      await (await http.fetcher(url, { method: 'POST', body: '{}' })).text();

    expect(new Set(received.map((request) => request.socketPort)).size).toBe(1);
  });

  it('answers a failed status as a response, its body readable as text', async () => {
    answer = { status: 503, contentType: 'text/plain', body: 'starting' };

    const response = await http.fetcher(url, { method: 'POST', body: '{}' });

    expect(response).toMatchObject({ ok: false, status: 503, statusText: 'Service Unavailable' });
    expect(await response.text()).toBe('starting');
  });

  it('sends a request again once when its kept-alive connection was closed under it', async () => {
    await (await http.fetcher(url, { method: 'POST', body: '{}' })).text();
    drop = 'on reused connections';

    const response = await http.fetcher(url, { method: 'POST', body: '{}' });

    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((request) => request.socketPort)).size).toBe(2);
  });

  it('does not send again a request whose fresh connection failed', async () => {
    drop = 'all';

    await expect(http.fetcher(url, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      name: 'FetchError',
      code: 'ECONNRESET',
    });
    expect(received).toHaveLength(1);
  });

  it('rejects when the subgraph cannot be reached', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise((resolve) => gone.close(resolve));

    await expect(
      http.fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' }),
    ).rejects.toMatchObject({ name: 'FetchError', code: 'ECONNREFUSED' });
  });
});
