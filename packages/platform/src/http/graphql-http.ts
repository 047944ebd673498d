import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLError } from 'graphql';
import Negotiator from 'negotiator';
import { LimitCode, limitCodes, limitVariables } from '../limits/operation-limits.js';

export interface GraphqlHttpOptions {
  maxBodyBytes: number;
  /** Operations in one batched request; 1 refuses batches. */
  maxBatch: number;
  /** Told of every request refused here (the gateway's audit trail listens). */
  onRefused?(request: Request, code: string, status: number): void;
  /**
   * Resolves a document sent by reference (trusted documents): puts its text in `query`, or
   * returns the refusal. Called for each operation of a POST body and for a GET's parameters.
   */
  resolveDocument?(operation: Record<string, unknown>): GraphQLError | undefined;
}

/** The media types a GraphQL POST body may have; anything else is refused with 415. */
const jsonTypes = ['application/json', 'application/graphql-response+json'];

/**
 * The HTTP side of /graphql in front of Apollo Server's middleware:
 * - POST bodies must be JSON. Browsers send text/plain, form-urlencoded and multipart bodies
 *   cross-site without a CORS preflight, so refusing every other type is the CSRF guard (GET
 *   queries are allowed, as GraphQL over HTTP says; Apollo refuses mutations over GET with 405).
 * - The body is bounded (413 PAYLOAD_TOO_LARGE), malformed JSON is a 400 with a JSON body (never
 *   Express's HTML page with a stack trace), and a batch beyond `maxBatch` is refused.
 */
export function graphqlHttpHandler(
  middleware: RequestHandler,
  options: GraphqlHttpOptions,
): RequestHandler {
  const json = express.json({ limit: options.maxBodyBytes, type: jsonTypes });
  const refuse = (
    req: Request,
    res: Response,
    status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
  ) => {
    options.onRefused?.(req, code, status);
    res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  };
  const refuseDocument = (req: Request, res: Response, error: GraphQLError) => {
    const { http, ...extensions } = error.extensions as {
      http?: { status?: number };
      [key: string]: unknown;
    };
    const status = http?.status ?? 400;
    options.onRefused?.(req, String(extensions['code']), status);
    res.status(status).json({ errors: [{ message: error.message, extensions }] });
  };
  return (req, res, next) => {
    if (req.method === 'GET' && options.resolveDocument) {
      const refused = resolveGetDocument(req, options.resolveDocument);
      if (refused) return refuseDocument(req, res, refused);
    }
    if (req.method === 'POST' && !req.is(jsonTypes)) {
      refuse(
        req,
        res,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'A GraphQL POST body must be application/json (other types can be sent cross-site)',
      );
      return;
    }
    json(req, res, (error: unknown) => {
      if (error) {
        const failure = error as { type?: string; length?: number; limit?: number };
        if (failure.type === 'entity.too.large') {
          refuse(
            req,
            res,
            413,
            LimitCode.PAYLOAD_TOO_LARGE,
            `The request body is ${failure.length ?? 'over'} bytes; at most ${options.maxBodyBytes} are allowed`,
            {
              measured: failure.length,
              allowed: options.maxBodyBytes,
              setting: limitVariables.maxBodyBytes,
            },
          );
        } else if (failure.type === 'entity.parse.failed') {
          refuse(req, res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
        } else {
          refuse(req, res, 400, 'BAD_REQUEST', 'The request body could not be read');
        }
        return;
      }
      const body: unknown = req.body;
      if (Array.isArray(body) && (options.maxBatch <= 1 || body.length > options.maxBatch)) {
        refuse(
          req,
          res,
          400,
          LimitCode.BATCH_LIMIT_EXCEEDED,
          options.maxBatch <= 1
            ? 'Batched requests are off; send one operation per request'
            : `The batch has ${body.length} operations; at most ${options.maxBatch} are allowed`,
          {
            measured: body.length,
            allowed: options.maxBatch,
            setting: limitVariables.maxBatch,
          },
        );
        return;
      }
      if (options.resolveDocument && typeof body === 'object' && body !== null) {
        for (const operation of Array.isArray(body) ? body : [body]) {
          if (typeof operation !== 'object' || operation === null) continue;
          const refused = options.resolveDocument(operation as Record<string, unknown>);
          if (refused) return refuseDocument(req, res, refused);
        }
      }
      middleware(req, res, next);
    });
  };
}

/**
 * A GET's parameters through `resolve`; a document named by its id is written back into the URL
 * as `query` (Apollo's express integration reads the parameters from `req.url`).
 */
function resolveGetDocument(
  req: Request,
  resolve: NonNullable<GraphqlHttpOptions['resolveDocument']>,
): GraphQLError | undefined {
  const url = new URL(req.url, 'http://local');
  const params = url.searchParams;
  const operation: Record<string, unknown> = {};
  for (const key of ['query', 'documentId'] as const) {
    const value = params.get(key);
    if (value !== null) operation[key] = value;
  }
  const extensions = params.get('extensions');
  if (extensions !== null) {
    try {
      operation['extensions'] = JSON.parse(extensions) as unknown;
    } catch {
      // Left to Apollo Server, which answers malformed extensions with 400.
    }
  }
  const refused = resolve(operation);
  if (refused || typeof operation['query'] !== 'string') return refused;
  if (params.get('query') === operation['query']) return undefined;
  params.set('query', operation['query']);
  params.delete('documentId');
  if (operation['extensions'] !== undefined) {
    params.set('extensions', JSON.stringify(operation['extensions']));
  }
  req.url = `${url.pathname}${url.search}`;
  return undefined;
}

/** Errors about the request itself rather than its execution: GraphQL over HTTP §"Status". */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  ...limitCodes,
]);

/**
 * GraphQL over HTTP: a well-formed request that fails to parse, validate or coerce its variables
 * answers 200 when the client accepts `application/json` (the legacy type, whose clients read
 * errors from the body), and 400 under `application/graphql-response+json`. Apollo Server answers
 * 400 to both; this sets 200 for the first. Content negotiation mirrors Apollo's own.
 */
export function graphqlOverHttpPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if ('data' in singleResult && singleResult.data !== undefined) return;
          const errors = singleResult.errors ?? [];
          const allRequestErrors =
            errors.length > 0 &&
            errors.every((error) => requestErrorCodes.has(String(error.extensions?.['code'])));
          if (!allRequestErrors || !prefersLegacyJson(request.http?.headers.get('accept'))) return;
          response.http.status = 200;
        },
      };
    },
  };
}

function prefersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([
    'application/json',
    'application/graphql-response+json',
  ]);
  return preferred === 'application/json';
}
