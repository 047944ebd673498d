import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import type { Logger } from 'pino';
import { z } from 'zod';
import { UnauthenticatedError, UnavailableError } from './errors.js';
import { roleValues, type Principal } from './principal.js';

/** Why a token was refused (`extensions.reason`); each tells the client what to do next. */
export const TokenReason = {
  /** Get a new token. */
  EXPIRED: 'TOKEN_EXPIRED',
  /** The token's nbf is in the future beyond the tolerated skew: check the issuer's clock. */
  NOT_YET_VALID: 'TOKEN_NOT_YET_VALID',
  /** Bad signature, unknown key, refused algorithm, wrong issuer/audience or claims. */
  INVALID: 'TOKEN_INVALID',
  /** Not a JWT at all, or not sent as `Bearer <token>`. */
  MALFORMED: 'TOKEN_MALFORMED',
} as const;

export interface TokenVerifierOptions {
  /** The HS256 shared secret; HS256 tokens are refused without one. */
  secret?: string | undefined;
  /** Where the RS256/ES256 public keys are; such tokens are refused without it. */
  jwksUrl?: string | undefined;
  issuer: string;
  audience: string;
  /** Seconds of clock difference tolerated on exp and nbf. */
  clockToleranceSec: number;
  /** Remote key set tuning; jose's defaults (5 s timeout, 30 s cooldown) when unset. */
  jwksTimeoutMs?: number | undefined;
  /** Minimum time after a fetch before an unknown `kid` may trigger another (key rotation). */
  jwksCooldownMs?: number | undefined;
  log?: Logger | undefined;
}

/** Verifies a token once per request; created once per process from config and shared. */
export interface TokenVerifier {
  /**
   * The caller a raw JWT names. Throws UnauthenticatedError (reason from TokenReason) for a token
   * that is not acceptable, UnavailableError (JWKS_UNAVAILABLE) when the key set cannot be read.
   */
  verify(token: string): Promise<Principal>;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(roleValues)).default([]),
  department: z.string().min(1).nullish(),
  exp: z.number(),
});

/**
 * The algorithms asymmetric keys may sign with. jose selects JWKs by the key type the `alg`
 * implies (RS256 → kty RSA, ES256 → kty EC with crv P-256), so allowing only these two pins RSA
 * keys to RS256 and EC keys to ES256; HS256 is verified only against the secret, so a token
 * "signed" with a public key as HMAC secret (alg confusion) never meets a public key.
 */
const asymmetricAlgorithms = ['RS256', 'ES256'];

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = options.secret ? new TextEncoder().encode(options.secret) : undefined;
  const jwks = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl), {
        ...(options.jwksTimeoutMs !== undefined ? { timeoutDuration: options.jwksTimeoutMs } : {}),
        ...(options.jwksCooldownMs !== undefined
          ? { cooldownDuration: options.jwksCooldownMs }
          : {}),
      })
    : undefined;
  const checks: JWTVerifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSec,
    // A token without exp would outlive every revocation; subscriptions close at exp.
    requiredClaims: ['exp', 'sub'],
  };

  const verifySignature = async (token: string, alg: string): Promise<JWTPayload> => {
    if (alg === 'HS256') {
      if (!secret) throw invalid('HS256 tokens are not accepted here');
      const { payload } = await jwtVerify(token, secret, { ...checks, algorithms: ['HS256'] });
      return payload;
    }
    if (!asymmetricAlgorithms.includes(alg)) throw invalid(`Tokens signed with ${alg} are refused`);
    if (!jwks) throw invalid(`${alg} tokens are not accepted here (no key set is configured)`);
    try {
      const { payload } = await jwtVerify(token, jwks, {
        ...checks,
        algorithms: asymmetricAlgorithms,
      });
      return payload;
    } catch (error) {
      if (!isKeySetFailure(error)) throw error;
      options.log?.warn({ err: error, jwksUrl: options.jwksUrl }, 'cannot read the JWKS');
      throw new UnavailableError('The token signing keys cannot be fetched', 'JWKS_UNAVAILABLE');
    }
  };

  return {
    async verify(token) {
      const alg = headerAlgorithm(token);
      let payload: JWTPayload;
      try {
        payload = await verifySignature(token, alg);
      } catch (error) {
        throw refusal(error);
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) {
        const field = claims.error.issues[0]?.path.join('.') ?? 'claims';
        throw invalid(`The token's ${field} claim is not valid`);
      }
      return {
        sub: claims.data.sub,
        roles: claims.data.roles,
        department: claims.data.department ?? null,
        token,
        expiresAt: claims.data.exp * 1000,
      };
    },
  };
}

function headerAlgorithm(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg === 'string') return alg;
  } catch {
    // Falls through: not three base64url parts with a JSON header.
  }
  throw new UnauthenticatedError('The token is not a JWT', TokenReason.MALFORMED);
}

function invalid(message: string): UnauthenticatedError {
  return new UnauthenticatedError(message, TokenReason.INVALID);
}

/** jose's verdicts as our reasons; errors of our own pass through. */
function refusal(error: unknown): unknown {
  if (error instanceof UnauthenticatedError || error instanceof UnavailableError) return error;
  if (error instanceof joseErrors.JWTExpired) {
    return new UnauthenticatedError('The token has expired', TokenReason.EXPIRED);
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' && error.reason === 'check_failed') {
      return new UnauthenticatedError('The token is not valid yet', TokenReason.NOT_YET_VALID);
    }
    return invalid(`The token's ${error.claim} claim is not accepted`);
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
    return new UnauthenticatedError('The token is not a well-formed JWT', TokenReason.MALFORMED);
  }
  return invalid('The token is not valid');
}

/**
 * The key set could not be read (timeout, network, non-200, not a JWKS). jose's specific
 * verdicts (no matching key, bad signature …) are token problems instead.
 */
function isKeySetFailure(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    return true;
  }
  if (error instanceof joseErrors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  return error instanceof TypeError || (error as { name?: unknown } | null)?.name === 'AbortError';
}
