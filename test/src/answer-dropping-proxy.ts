import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of a subgraph that lets the first request matching each of
 * `drops` through, waits for the subgraph's whole answer (its effect is committed by then), and
 * then cuts the caller's connection instead of answering: the state a worker killed between
 * another service's commit and its own checkpoint leaves behind. Every other request goes
 * through as is.
 */
export interface AnswerDroppingProxy {
  /** The proxy's GraphQL URL, for the caller's config. */
  readonly url: string;
  /** Answers the proxy withheld so far (the test checks that its fault really happened). */
  readonly dropped: number;
  /** Where requests go: set once the subgraph behind it listens. */
  target: string;
  close(): Promise<void>;
}

export async function startAnswerDroppingProxy(
  ...drops: ((body: string) => boolean)[]
): Promise<AnswerDroppingProxy> {
  let dropped = 0;
  // Each predicate drops one answer, the first it matches.
  const armed = new Set(drops);
  const proxy = {
    target: '',
    get dropped() {
      return dropped;
    },
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const answer = await fetch(proxy.target, {
        method: req.method ?? 'POST',
        headers: forwardedHeaders(req),
        ...(req.method === 'GET' ? {} : { body }),
      });
      const text = await answer.text();
      const drop = [...armed].find((matches) => matches(body));
      if (drop) {
        armed.delete(drop);
        dropped += 1;
        res.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
      res.end(text);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'content-type', 'accept']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
