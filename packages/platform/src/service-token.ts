import { decodeJwt } from 'jose';
import { principalFromHeader, signToken, tokenVerifierFromConfig } from './auth.js';
import { ForbiddenError, UnauthenticatedError } from './domain-errors.js';
import { anonymous, type Principal } from './principal.js';
import { defaultIssuer, type TokenEnv } from './token-env.js';
import {
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './token-verifier.js';

/**
 * The audience of service-to-service tokens (the gateway writing the audit trail to metrics).
 * Users' tokens carry JWT_AUDIENCE instead, so a service token is refused by every public
 * resolver and a user's token, even an admin's, can never pass as a service.
 */
export const serviceAudience = 'daena-services';

/** How long a service token lives: one batch and its retries, not a session. */
export const serviceTokenLifetimeSec = 60;

/** Signs a short-lived HS256 token naming `service` (its `sub`), with no roles. */
export function signServiceToken(
  secret: string,
  service: string,
  issuer: string = defaultIssuer,
): Promise<string> {
  return signToken(secret, { sub: service, roles: [] }, `${serviceTokenLifetimeSec}s`, {
    issuer,
    audience: serviceAudience,
  });
}

/** Verifies service tokens only: HS256 with the shared secret and the service audience. */
export function serviceTokenVerifier(
  secret: string,
  options: { issuer?: string; clockToleranceSec?: number } = {},
): TokenVerifier {
  return createTokenVerifier({
    secret,
    issuer: options.issuer ?? defaultIssuer,
    audience: serviceAudience,
    clockToleranceSec: options.clockToleranceSec ?? 5,
  });
}

/**
 * The verifiers of a subgraph that users and other services both call ({@link callerFromHeader}):
 * users' tokens as every subgraph checks them (HS256 and JWKS_URL's keys, as the gateway does),
 * service tokens signed with the same secret and issuer.
 */
export function callerVerifiersFromConfig(
  config: TokenEnv,
  secret: string,
  log?: TokenVerifierOptions['log'],
): { users: TokenVerifier; services: TokenVerifier } {
  return {
    users: tokenVerifierFromConfig(config, secret, log),
    services: serviceTokenVerifier(secret, { issuer: config.JWT_ISSUER }),
  };
}

/**
 * Whether a raw JWT claims the service audience. Unverified: it only chooses which verifier
 * checks the token, and that verifier checks signature, issuer, audience and expiry.
 */
export function claimsServiceAudience(token: string): boolean {
  try {
    const { aud } = decodeJwt(token);
    return Array.isArray(aud) ? aud.includes(serviceAudience) : aud === serviceAudience;
  } catch {
    return false;
  }
}

/** Who calls a subgraph that other services also call: a user (principal) or a service. */
export interface Caller {
  principal: Principal;
  /** The service a verified service token names, else null. */
  service: string | null;
}

/**
 * The caller of one request. A bearer token claiming the service audience is checked by the
 * service verifier and names a service, with an anonymous principal, so a service token opens
 * nothing a user needs a token for; any other header is a user's, checked as every subgraph checks
 * it (ARCHITECTURE §6). Either verifier refuses the other's tokens, so neither passes as the other.
 */
export async function callerFromHeader(
  verifiers: { users: TokenVerifier; services: TokenVerifier },
  header: string | undefined,
): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (token && claimsServiceAudience(token)) {
    const service = await verifiers.services.verify(token);
    return { principal: anonymous, service: service.sub };
  }
  return { principal: await principalFromHeader(verifiers.users, header), service: null };
}

/**
 * Lets through only a service token naming one of `services` (a field other services call, such
 * as metrics' audit write or knowledge's sweep read): UNAUTHENTICATED `SERVICE_TOKEN_REQUIRED`
 * for a caller with no token, FORBIDDEN `forbiddenCode` for a user's token, an admin's included,
 * or another service's.
 */
export function requireServiceCaller(
  caller: Caller,
  services: readonly string[],
  message: string,
  forbiddenCode = 'SERVICE_TOKEN_REQUIRED',
): void {
  if (caller.service !== null && services.includes(caller.service)) return;
  if (caller.service === null && caller.principal.sub === null) {
    throw new UnauthenticatedError(message, 'SERVICE_TOKEN_REQUIRED');
  }
  throw new ForbiddenError(message, forbiddenCode);
}
