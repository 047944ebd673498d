import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '@daena/testing';

export interface LiveSubscription<T> {
  /** The next payload (waits for it). */
  next(): Promise<T>;
  close(): Promise<void>;
}

/** A graphql-ws client subscription whose payloads are read one by one. */
export function subscribe<T>(
  wsUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): LiveSubscription<T> {
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const iterator = client.iterate<T>({ query, variables });
  return {
    async next() {
      const result = await iterator.next();
      if (result.done) throw new Error('the subscription completed');
      if (result.value.errors) throw new Error(JSON.stringify(result.value.errors));
      return result.value.data as T;
    },
    async close() {
      await iterator.return?.();
      await client.dispose();
    },
  };
}

/**
 * Waits until the gateway at `gatewayUrl` delivers events to at least `count` subscribers (or
 * exactly `count`, to see earlier subscriptions gone).
 */
/**
 * A series of the gateway's /metrics at `gatewayUrl`, summed over its label sets that contain
 * `label` (a cluster's workers answer with their sum already).
 */
export async function gatewayMetric(gatewayUrl: string, name: string, label = ''): Promise<number> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((row) => /^[^{ ]+/.exec(row)?.[0] === name && row.includes(label))
    .reduce((total, row) => total + Number(row.split(' ').at(-1)), 0);
}

export async function waitForSubscribers(
  gatewayUrl: string,
  count: number,
  exactly = false,
): Promise<void> {
  await waitFor(async () => {
    const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    const value = Number(/^gateway_subscribers(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0);
    if (exactly ? value !== count : value < count) {
      const wanted = `${exactly ? 'exactly ' : ''}${count}`;
      throw new Error(`gateway has ${value} live subscribers, waiting for ${wanted}`);
    }
  });
}
