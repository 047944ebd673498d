import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import {
  checkOperation,
  createErrorFormatter,
  type Logger,
  type OperationCheckOptions,
  type Principal,
} from '@daena/platform';
import {
  GraphQLError,
  subscribe,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';

/** Where this subgraph serves its own subscriptions, next to `/graphql`. */
export const subscriptionStreamPath = '/graphql/stream';

/**
 * The body parser the service's /graphql uses (express's): a route input is at most 200 000
 * characters (`maxTaskCharacters`), up to ~800 kB of UTF-8.
 */
const parseJson = express.json({ limit: '1mb' });

export interface SubscriptionStreamOptions {
  /** Undefined until the service has built its schema. */
  schema(): GraphQLSchema | undefined;
  principal(authorization: string | undefined): Promise<Principal>;
  context(principal: Principal): unknown;
  /** The service's operation limits and mode, as its /graphql applies them. */
  checks?: OperationCheckOptions;
  log: Logger;
}

/**
 * Subscriptions this subgraph executes itself (`routeTaskStream`: one caller's routed call, not
 * a bus fan-out) over GraphQL over SSE, distinct connections mode: `POST` a JSON
 * `{ query, variables, operationName }` with the caller's bearer token, and read `next` events
 * (each an execution result) until `complete`. Errors before the stream opens come back as JSON.
 * Closing the connection ends the subscription (and aborts the routed call). The gateway
 * forwards `routeTaskStream` here (gateway/src/subscriptions/forward-subscription.ts).
 */
export function subscriptionStreamHandler(options: SubscriptionStreamOptions) {
  const format = createErrorFormatter((error) =>
    options.log.error({ err: error }, 'unexpected error in a subscription'),
  );
  const formatted = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => format(error.toJSON(), error));

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const schema = options.schema();
    if (!schema) return refuse(res, 503, 'UNAVAILABLE', 'The service is starting');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      // JSON only: a cross-site form post (text/plain) cannot start a call (CSRF).
      return refuse(res, 415, 'BAD_REQUEST', 'Send the operation as application/json');
    }
    let request: { query: string; variables: Record<string, unknown>; operationName?: string };
    try {
      request = readRequest(await readJson(req, res));
    } catch (error) {
      if ((error as { type?: string }).type === 'entity.too.large') {
        return refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is over 1 MB');
      }
      return refuse(res, 400, 'BAD_REQUEST', (error as Error).message);
    }
    const checked = checkOperation(
      schema,
      request.query,
      request.operationName,
      request.variables,
      options.checks,
    );
    if (checked.errors) return sendJson(res, 400, { errors: formatted(checked.errors) });
    const document: DocumentNode = checked.document;
    let result: AsyncGenerator<ExecutionResult> | ExecutionResult;
    try {
      const principal = await options.principal(req.headers.authorization);
      result = await subscribe({
        schema,
        document,
        variableValues: request.variables,
        operationName: request.operationName ?? null,
        contextValue: options.context(principal),
      });
    } catch (error) {
      const graphqlError =
        error instanceof GraphQLError
          ? error
          : new GraphQLError((error as Error).message, { originalError: error as Error });
      return sendJson(res, 200, { errors: formatted([graphqlError]) });
    }
    if (!(Symbol.asyncIterator in result)) {
      return sendJson(res, 200, { errors: formatted(result.errors ?? []) });
    }
    const stream = result;
    res.on('close', () => void stream.return(undefined));
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    try {
      for await (const payload of stream) {
        if (res.destroyed) break;
        const errors = payload.errors && formatted(payload.errors);
        res.write(sseEvent('next', { ...payload, ...(errors ? { errors } : {}) }));
      }
    } catch (error) {
      options.log.error({ err: error }, 'a subscription stream failed');
      const failure = new GraphQLError('The subscription failed', {
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      res.write(sseEvent('next', { errors: formatted([failure]) }));
    }
    res.end(sseEvent('complete', null));
  };
}

function readRequest(parsed: unknown) {
  const record = typeof parsed === 'object' && parsed !== null ? parsed : {};
  const { query, variables, operationName } = record as Record<string, unknown>;
  if (typeof query !== 'string') throw new Error('The body needs a query string');
  return {
    query,
    variables: typeof variables === 'object' && variables !== null ? { ...variables } : {},
    ...(typeof operationName === 'string' ? { operationName } : {}),
  };
}

function sseEvent(event: 'next' | 'complete', data: unknown): string {
  return `event: ${event}\ndata: ${data === null ? '' : JSON.stringify(data)}\n\n`;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  return new Promise((resolve, reject) => {
    parseJson(req as express.Request, res as express.Response, (error?: unknown) =>
      error
        ? reject(error instanceof Error ? error : new Error(String(error)))
        : resolve((req as express.Request).body),
    );
  });
}
