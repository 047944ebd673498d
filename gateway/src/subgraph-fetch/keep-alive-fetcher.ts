import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;

/**
 * The gateway's HTTP client for subgraph fetches: node:http on keep-alive agents, the whole body
 * buffered. @apollo/gateway's default, make-fetch-happen, was 17% of the gateway's CPU on a
 * cross-subgraph read (issue 14, point 4; test/bench/gateway.ts --profile), 5 points of it
 * because the `agent-base` agent under it builds an Error and reads its stack on every request to
 * tell http from https, which our loader's source maps make dear. This client costs about a
 * quarter of its CPU per fetch. Subgraph answers are small JSON documents: streaming buys nothing.
 *
 * What it does not do, as the gateway needs none of it: redirects (a 3xx is returned as is),
 * compression (it sends no Accept-Encoding), caching, retries (but one, below).
 */
export function keepAliveFetcher(): { fetcher: Fetcher; close(): void } {
  // Unbounded sockets like make-fetch-happen's default: a cap would queue fetches behind slow
  // ones; idle sockets are kept for the next fetch (closed after the subgraph's keep-alive).
  const agents = {
    http: new HttpAgent({ keepAlive: true }),
    https: new HttpsAgent({ keepAlive: true }),
  };
  const send = (url: string, init: FetcherRequestInit, retry: boolean): Promise<FetcherResponse> =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const secure = url.startsWith('https:');
      const body = init.body;
      let answered = false;
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: init.method ?? 'GET',
          headers: {
            ...init.headers,
            ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          },
          // The one retry goes out on a connection of its own: the pool may hold more sockets the
          // subgraph closed at the same time.
          agent: retry ? (secure ? agents.https : agents.http) : false,
          ...(init.signal ? { signal: init.signal as AbortSignal } : {}),
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('error', (error) => reject(new FetchError(url, error)));
          response.once('end', () =>
            resolve(bufferedResponse(url, response, Buffer.concat(chunks))),
          );
        },
      );
      request.once('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the subgraph closed as this request went out (its idle timeout
        // and our reuse crossed, more likely when a loaded event loop runs timers late): the
        // subgraph never read the request, so it is sent once more on a new connection, as Node's
        // http documentation advises. Any other failure, or a second one, is the caller's.
        if (retry && !answered && request.reusedSocket && error.code === 'ECONNRESET') {
          resolve(send(url, init, false));
          return;
        }
        reject(error.name === 'AbortError' ? error : new FetchError(url, error));
      });
      request.end(body);
    });
  const fetcher: Fetcher = (url, init = {}) => send(url, init, true);
  return {
    fetcher,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/**
 * A network failure, named and coded as node-fetch's and minipass-fetch's are (`FetchError`, the
 * system code such as ECONNREFUSED): the error formatter (packages/platform errors.ts) answers
 * those as UNAVAILABLE / SUBGRAPH_UNREACHABLE, and the subscription bridge retries them.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: string | undefined;

  constructor(url: string, cause: NodeJS.ErrnoException) {
    super(`request to ${url} failed, reason: ${cause.message}`, { cause });
    this.code = cause.code;
  }
}

function bufferedResponse(url: string, message: IncomingMessage, body: Buffer): FetcherResponse {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2)
    headers.append(raw[i] as string, raw[i + 1] as string);
  const status = message.statusCode ?? 0;
  const response: FetcherResponse = {
    url,
    status,
    statusText: message.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    redirected: false,
    headers,
    bodyUsed: false,
    text: () => Promise.resolve(body.toString('utf8')),
    json: () => Promise.resolve(JSON.parse(body.toString('utf8')) as unknown),
    arrayBuffer: () => Promise.resolve(new Uint8Array(body).buffer),
    clone: () => bufferedResponse(url, message, body),
  };
  return response;
}
