import type { IncomingMessage } from 'node:http';
import { principalFromHeader, type Principal, type TokenVerifier } from '@daena/platform';

/**
 * The verified caller of an HTTP request, verified once: the rate limiter needs the subject
 * before /graphql and the GraphQL context needs the principal after, for the same request.
 */
export function requestPrincipals(
  tokens: TokenVerifier,
): (request: IncomingMessage) => Promise<Principal> {
  const verified = new WeakMap<IncomingMessage, Promise<Principal>>();
  return (request) => {
    let principal = verified.get(request);
    if (!principal) {
      principal = principalFromHeader(tokens, request.headers.authorization);
      verified.set(request, principal);
    }
    return principal;
  };
}
