import { Repeater } from '@repeaterjs/repeater';
import type { ExecutionResult } from 'graphql';
import { createClient, NetworkError } from 'graphql-sse';

export interface ForwardRequest {
  /** The owning subgraph's subscription stream, e.g. `http://…/graphql/stream`. */
  url: string;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | undefined;
  /** The caller's token, forwarded: the subgraph verifies it again (ARCHITECTURE §6). */
  token?: string | undefined;
}

/**
 * A subscription the owning subgraph executes itself, relayed: a graphql-sse client (distinct
 * connections mode) sends the operation to the subgraph's stream and each result is passed on
 * as it arrives. When the subscriber leaves, the client is disposed, which aborts the request
 * and ends the work on the subgraph too. A cut stream is not retried (the subgraph's work ended
 * with it): a subgraph that refuses the operation ends it with its typed errors, one that is down
 * or cuts the stream with one UNAVAILABLE error.
 */
export function forwardSubscription(
  request: ForwardRequest,
): AsyncIterableIterator<ExecutionResult> {
  const client = createClient({
    url: request.url,
    headers: request.token ? { authorization: `Bearer ${request.token}` } : {},
    retryAttempts: 0,
  });
  return new Repeater<ExecutionResult>(async (push, stop) => {
    void stop.then(() => client.dispose());
    try {
      const { query, variables, operationName } = request;
      for await (const result of client.iterate({
        query,
        variables,
        ...(operationName ? { operationName } : {}),
      })) {
        await push(result as ExecutionResult);
      }
    } catch (error) {
      await push((await refusal(error)) ?? unavailable(error));
    } finally {
      client.dispose();
      stop();
    }
  });
}

/** Refused before the stream opened: the subgraph's JSON body with its typed errors. */
async function refusal(error: unknown): Promise<ExecutionResult | undefined> {
  const response = error instanceof NetworkError ? error.response : undefined;
  if (!(response instanceof Response)) return undefined;
  if (!response.headers.get('content-type')?.startsWith('application/json')) return undefined;
  return response.json().then(
    (body) => (body as ExecutionResult | null) ?? undefined,
    () => undefined,
  );
}

function unavailable(error: unknown): ExecutionResult {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    errors: [
      {
        message: `The subscription's subgraph is unreachable or cut the stream (${detail})`,
        extensions: { code: 'UNAVAILABLE' },
      },
    ] as unknown as ExecutionResult['errors'],
  };
}
