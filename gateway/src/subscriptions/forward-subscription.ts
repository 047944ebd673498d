import { Repeater } from '@repeaterjs/repeater';
import type { ExecutionResult } from 'graphql';

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
 * A subscription the owning subgraph executes itself, relayed: the operation is POSTed to the
 * subgraph's GraphQL-over-SSE stream (distinct connections mode) and each `next` event is passed
 * on as it arrives. When the subscriber leaves, the request is aborted, which ends the work on
 * the subgraph too. A subgraph that is down or cuts the stream ends it with one UNAVAILABLE error.
 */
export function forwardSubscription(
  request: ForwardRequest,
): AsyncIterableIterator<ExecutionResult> {
  return new Repeater<ExecutionResult>(async (push, stop) => {
    const abort = new AbortController();
    void stop.then(() => abort.abort());
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        },
        body: JSON.stringify({
          query: request.query,
          variables: request.variables,
          ...(request.operationName ? { operationName: request.operationName } : {}),
        }),
        signal: abort.signal,
      });
      if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
        // Refused before the stream opened: a JSON body with the subgraph's typed errors.
        await push((await response.json()) as ExecutionResult);
        return;
      }
      if (!response.body) throw new Error('The subgraph sent no stream');
      for await (const event of serverSentEvents(response.body)) {
        if (event.event === 'complete') return;
        if (event.event === 'next') await push(JSON.parse(event.data) as ExecutionResult);
      }
      throw new Error('The subgraph ended the stream without completing it');
    } catch (error) {
      if (abort.signal.aborted) return; // the subscriber left
      await push(unavailable(error));
    } finally {
      abort.abort();
      stop();
    }
  });
}

/** Parses `text/event-stream` (the HTML Living Standard's event stream format) into events. */
async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      yield { event, data: data.join('\n') };
    }
  }
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
