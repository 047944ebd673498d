import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subgraph stand-in that answers from memory what the real one answered once. */
export interface ReplayedSubgraph {
  url: string;
  /** Requests answered from memory, and the ones passed on to the real subgraph. */
  counts(): { replayed: number; forwarded: number };
  close(): Promise<void>;
}

interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The response headers a gateway reads from a subgraph (its cache policy among them). */
const keptHeaders = ['content-type', 'cache-control'];

/**
 * The read bench's floor for the gateway (issue 14, point 4): a gateway in front of these pays
 * for planning, fetching, merging and serializing as usual, while each subgraph answer costs only
 * a lookup. The first request with a given body goes to the real subgraph at `upstream` and its
 * answer is kept; every later one with the same body gets those bytes back. A gateway sends the
 * same body for the same operation each time (representations in the same order), so after one
 * request per operation nothing reaches the real subgraph. Only for reads that do not change.
 */
export async function startReplayedSubgraph(upstream: string): Promise<ReplayedSubgraph> {
  const recorded = new Map<string, Promise<Recorded>>();
  let replayed = 0;
  let forwarded = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const key = `${request.method} ${request.url} ${body.toString('utf8')}`;
      let answer = recorded.get(key);
      if (answer) replayed++;
      else {
        forwarded++;
        answer = forward(upstream, request.method ?? 'GET', request.headers, body);
        recorded.set(key, answer);
        // A failed first request is not kept: the next one tries the real subgraph again.
        answer.catch(() => recorded.delete(key));
      }
      answer.then(
        ({ status, headers, body: bytes }) => {
          response.writeHead(status, { ...headers, 'content-length': bytes.length });
          response.end(bytes);
        },
        (error: unknown) => {
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${new URL(upstream).pathname}`,
    counts: () => ({ replayed, forwarded }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function forward(
  upstream: string,
  method: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<Recorded> {
  const passed: Record<string, string> = {};
  for (const name of ['content-type', 'authorization', 'accept']) {
    const value = headers[name];
    if (typeof value === 'string') passed[name] = value;
  }
  const response = await fetch(upstream, {
    method,
    headers: passed,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
  });
  const kept: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = response.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return {
    status: response.status,
    headers: kept,
    body: Buffer.from(await response.arrayBuffer()),
  };
}
