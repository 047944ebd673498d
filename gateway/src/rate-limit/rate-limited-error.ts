import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Which limit refused a request and when the caller may try again. */
export interface RateLimitVerdict {
  /** `subject` (the token's sub) or `ip` (the client address). */
  scope: 'subject' | 'ip';
  /** Requests allowed per window. */
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (the Retry-After header's value). */
  retryAfter: number;
}

const rateLimitedCode = 'RATE_LIMITED';

/** What the client sees: `extensions.code` RATE_LIMITED with the limit and when to retry. */
export function rateLimitedError(verdict: RateLimitVerdict): GraphQLError {
  return new GraphQLError(
    `Too many requests for this ${verdict.scope === 'ip' ? 'address' : 'token'}: ` +
      `${verdict.limit} per window; retry in ${verdict.retryAfter} s`,
    { extensions: { code: rateLimitedCode, ...verdict } },
  );
}

export function rateLimitedBody(verdict: RateLimitVerdict): { errors: GraphQLFormattedError[] } {
  return { errors: [rateLimitedError(verdict).toJSON()] };
}
