import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createSocket } from 'graphql-ws';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveClientEvents {
  onState(state: ConnectionState): void;
  /** The socket came back after a drop: queries should be read again (README: catch up once). */
  onReconnected(): void;
  /** The gateway refused the token. */
  onUnauthenticated(message: string): void;
}

/** Waits between reconnection attempts: 0.5 s doubling up to 5 s, so a restart is seen soon. */
const maxRetryWaitMs = 5_000;
const retryWait = (retries: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.min(500 * 2 ** retries, maxRetryWaitMs) * (0.75 + Math.random() / 2)),
  );

/**
 * One urql client for the signed-in token: queries and mutations over HTTP on /graphql,
 * subscriptions over graphql-ws on the same path, retried for as long as the page is open.
 */
export function createLiveClient(token: string, events: LiveClientEvents) {
  const authorization = `Bearer ${token}`;
  const url = new URL('/graphql', window.location.href);
  const wsUrl = url.href.replace(/^http/, 'ws');
  let dropped = false;
  // A disposed client's last `closed` must not mark its successor's connection as dropped.
  let disposed = false;
  const report = (state: ConnectionState) => {
    if (!disposed) events.onState(state);
  };
  const socket = createSocket({
    url: wsUrl,
    connectionParams: { authorization },
    // Always connected, so a closed socket means the gateway went away (not an idle close).
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait,
    // What graphql-ws does not retry (a refused token, a protocol error) ends the connection.
    onNonLazyError(error) {
      const code = (error as { code?: unknown }).code;
      if (code === 4401 || code === 4403) events.onUnauthenticated('the connection was refused');
      else report('closed');
    },
    on: {
      connecting: () => report(dropped ? 'reconnecting' : 'connecting'),
      connected: () => {
        report('live');
        if (dropped && !disposed) events.onReconnected();
        dropped = false;
      },
      closed: () => {
        dropped = true;
        report('reconnecting');
      },
    },
  });
  const client = new Client({
    url: url.href,
    fetchOptions: { headers: { authorization } },
    exchanges: [
      mapExchange({
        onError(error) {
          const refused = error.graphQLErrors.find(
            (e) => e.extensions?.['code'] === 'UNAUTHENTICATED',
          );
          if (refused) events.onUnauthenticated(refused.message);
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    dispose() {
      disposed = true;
      // A socket whose connection failed rejects its dispose with that close: nothing to close.
      Promise.resolve(socket.dispose()).catch(() => undefined);
    },
  };
}

export type LiveClient = ReturnType<typeof createLiveClient>;
