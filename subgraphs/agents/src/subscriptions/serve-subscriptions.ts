import express, { type Request, type Response } from 'express';
import {
  checkOperation,
  createErrorFormatter,
  UnauthenticatedError,
  type Logger,
  type OperationCheckOptions,
  type Principal,
} from '@daena/platform';
import { getOperationAST, GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { ExecutionResult } from 'graphql-sse';
import { createHandler } from 'graphql-sse/lib/use/express';

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

interface Refusal {
  status: number;
  /** GraphQL errors, or a domain error (a bad token) the formatter gives its own code. */
  errors: readonly unknown[];
}

type StreamContext = Record<PropertyKey, unknown>;

/**
 * Subscriptions this subgraph executes itself (`@subgraphStream` fields: `routeTaskStream`, one
 * caller's routed call, not a bus fan-out) over GraphQL over SSE with graphql-sse, distinct
 * connections mode: `POST` a JSON `{ query, variables, operationName }` with the caller's bearer
 * token and `Accept: text/event-stream`, and read `next` events until `complete`. A request
 * refused before the stream opens (not ready, not JSON, too large, over a limit, a bad token) is
 * answered with JSON errors and a 4xx/5xx status, whatever it accepts. Closing the connection
 * ends the subscription (and aborts the routed call). The gateway forwards these fields here
 * (gateway/src/subscriptions/forward-subscription.ts).
 */
export function subscriptionStreamHandler(options: SubscriptionStreamOptions) {
  const format = createErrorFormatter((error) =>
    options.log.error({ err: error }, 'unexpected error in a subscription'),
  );
  const formatted = (errors: readonly unknown[]) =>
    errors.map((error) => format(asGraphQLError(error).toJSON(), error));
  const admitted = new WeakMap<Request, ExecutionArgs>();
  const stream = createHandler<StreamContext>({
    // Distinct connections mode only: each subscription is one request and its own stream.
    authenticate: () => null,
    onSubscribe: (req) => admitted.get(req.raw) as ExecutionArgs & { contextValue: StreamContext },
    // Checked on admission, with the service's limits (checkOperation).
    validate: () => [],
    onNext: (_context, _req, result) =>
      result.errors
        ? ({ ...result, errors: formatted(result.errors) } as unknown as ExecutionResult)
        : result,
  });

  return async (req: Request, res: Response): Promise<void> => {
    const args = await admit(req, res, options);
    if ('errors' in args) {
      res.status(args.status).json({ errors: formatted(args.errors) });
      return;
    }
    admitted.set(req, args);
    try {
      await stream(req, res);
    } catch (error) {
      options.log.error({ err: error }, 'a subscription stream failed');
      if (!res.headersSent) {
        const failure = new GraphQLError('The subscription failed', {
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
        res.status(500).json({ errors: formatted([failure]) });
      } else res.end();
    }
  };
}

/** The operation's execution arguments, or why it is refused before any stream opens. */
async function admit(
  req: Request,
  res: Response,
  options: SubscriptionStreamOptions,
): Promise<ExecutionArgs | Refusal> {
  const schema = options.schema();
  if (!schema) return refusal(503, 'UNAVAILABLE', 'The service is starting');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    // JSON only: a cross-site form post (text/plain) cannot start a call (CSRF).
    return refusal(415, 'BAD_REQUEST', 'Send the operation as application/json');
  }
  let request: { query: string; variables: Record<string, unknown>; operationName?: string };
  try {
    request = readRequest(await readJson(req, res));
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') {
      return refusal(413, 'PAYLOAD_TOO_LARGE', 'The request body is over 1 MB');
    }
    return refusal(400, 'BAD_REQUEST', (error as Error).message);
  }
  const { query, variables, operationName } = request;
  const checked = checkOperation(schema, query, operationName, variables, options.checks);
  if (checked.errors) return { status: 400, errors: checked.errors };
  const { document } = checked;
  if (getOperationAST(document, operationName)?.operation !== 'subscription') {
    return refusal(400, 'BAD_REQUEST', 'Only subscriptions are served here; use /graphql');
  }
  // graphql-sse answers a distinct connection only to a request that accepts exactly this.
  if (req.headers.accept !== 'text/event-stream') {
    return refusal(406, 'BAD_REQUEST', 'Send Accept: text/event-stream');
  }
  let principal: Principal;
  try {
    principal = await options.principal(req.headers.authorization);
  } catch (error) {
    return { status: error instanceof UnauthenticatedError ? 401 : 500, errors: [error] };
  }
  return {
    schema,
    document,
    variableValues: variables,
    operationName: operationName ?? null,
    contextValue: options.context(principal),
  };
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(original.message, { originalError: original });
}

function refusal(status: number, code: string, message: string): Refusal {
  return { status, errors: [new GraphQLError(message, { extensions: { code } })] };
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

function readJson(req: Request, res: Response): Promise<unknown> {
  return new Promise((resolve, reject) => {
    parseJson(req, res, (error?: unknown) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(req.body),
    );
  });
}
