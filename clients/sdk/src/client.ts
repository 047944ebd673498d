import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

export interface DaenaClientOptions {
  /** The gateway, e.g. http://localhost:4000/graphql (WebSocket on the same path). */
  url: string;
  /** A JWT (`npm run token`); omit for anonymous, read-only access to public data. */
  token?: string;
  /** A WebSocket implementation where there is no global one (e.g. the `ws` package). */
  webSocketImpl?: unknown;
}

/** A GraphQL error response, with each error's `extensions.code`. */
export class DaenaRequestError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(
      errors
        .map((error) => `${String(error.extensions?.['code'] ?? 'ERROR')}: ${error.message}`)
        .join('; '),
    );
    this.name = 'DaenaRequestError';
  }
}

/**
 * The document's hash in the trusted documents manifest (`npm run codegen` embeds it): sent with
 * the query, so a gateway that serves trusted documents only (PERSISTED_DOCUMENTS=only) runs it.
 */
function hashOf(document: object): string | undefined {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : undefined;
}

/** A small typed client: queries and mutations over HTTP, subscriptions over graphql-ws. */
export function createDaenaClient(options: DaenaClientOptions) {
  let socket: Client | undefined;
  const ws = () =>
    (socket ??= createClient({
      url: options.url.replace(/^http/, 'ws'),
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
      connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    }));

  return {
    async request<TResult, TVariables>(
      document: TypedDocumentNode<TResult, TVariables>,
      ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
    ): Promise<TResult> {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          query: print(document),
          ...(hashOf(document) ? { documentId: `sha256:${hashOf(document)}` } : {}),
          variables: variables ?? {},
        }),
      });
      const body = (await response.json()) as { data?: TResult; errors?: GraphQLFormattedError[] };
      if (body.errors?.length) throw new DaenaRequestError(body.errors);
      if (!body.data) throw new Error(`No data in the response (HTTP ${response.status})`);
      return body.data;
    },

    /** Yields each payload; `return()` on the iterator (or `break`) ends the subscription. */
    subscribe<TResult, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TResult, TVariables>,
      variables: TVariables,
    ): AsyncIterableIterator<TResult> {
      const hash = hashOf(document);
      const iterator = ws().iterate<TResult>({
        query: print(document),
        variables,
        ...(hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : {}),
      });
      return {
        async next() {
          const result = await iterator.next();
          if (result.done) return { done: true, value: undefined };
          if (result.value.errors?.length) throw new DaenaRequestError(result.value.errors);
          return { done: false, value: result.value.data as TResult };
        },
        async return() {
          await iterator.return?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },

    async close(): Promise<void> {
      await socket?.dispose();
    },
  };
}

export type DaenaClient = ReturnType<typeof createDaenaClient>;
