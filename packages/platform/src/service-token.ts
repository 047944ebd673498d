import { decodeJwt } from 'jose';
import { signToken } from './auth.js';
import { defaultIssuer } from './token-env.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

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
