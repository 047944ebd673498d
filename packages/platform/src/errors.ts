import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { limitRefusal } from './limits/apollo-limits.js';
import { DaenaError, ErrorCode } from './domain-errors.js';

export * from './domain-errors.js';

/** Codes graphql-js and Apollo Server already assign; they pass through unchanged. */
const passThroughCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...Object.values(ErrorCode),
]);

/**
 * The one place that maps errors to what clients see: domain errors keep their code, reason and
 * message; anything unknown is logged and replaced by a generic message, so stack traces and
 * secrets never leave the service.
 */
export function createErrorFormatter(onUnexpected: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const refusal = limitRefusal(error);
    if (refusal) {
      const { http: _status, ...extensions } = refusal.extensions;
      return {
        message: refusal.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions,
      };
    }
    const original = unwrapResolverError(error);
    if (original instanceof DaenaError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: original.code,
          ...(original.reason ? { reason: original.reason } : {}),
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }
    const code = formatted.extensions?.['code'];
    if (
      typeof code === 'string' &&
      passThroughCodes.has(code) &&
      code !== 'INTERNAL_SERVER_ERROR'
    ) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (original instanceof GraphQLError && !original.originalError && code === undefined) {
      return { ...formatted, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    }
    if (isUnreachable(original)) {
      return {
        message: 'A service this request needs is unreachable; try again shortly',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.UNAVAILABLE, reason: 'SUBGRAPH_UNREACHABLE' },
      };
    }
    onUnexpected(original);
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Network failures reaching another service (the gateway's subgraph fetches). */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error &&
    (error.name === 'FetchError' || error.name === 'AbortError') &&
    (code === undefined ||
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(String(code)))
  );
}

/** Turns a domain error into a GraphQLError, for code paths that build errors themselves. */
export function toGraphQLError(error: DaenaError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...(error.reason ? { reason: error.reason } : {}) },
  });
}
