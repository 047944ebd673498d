import { SignJWT } from 'jose';
import { ConfigError } from './config.js';
import { UnauthenticatedError } from './errors.js';
import { anonymous, Role, type Principal } from './principal.js';
import { productionMode } from './service-config.js';
import {
  defaultAudience,
  defaultClockToleranceSec,
  defaultIssuer,
  type TokenEnv,
} from './token-env.js';
import {
  createTokenVerifier,
  TokenReason,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './token-verifier.js';

export * from './principal.js';
export * from './token-verifier.js';
export * from './token-env.js';

export interface TokenClaims {
  sub: string;
  roles: Role[];
  department?: string | undefined;
}

/** Signs an HS256 token; used by `npm run token`, the agents' vote worker and tests. */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  expiresIn: string = '12h',
  options: { issuer?: string; audience?: string } = {},
): Promise<string> {
  const payload: Record<string, unknown> = { roles: claims.roles };
  if (claims.department) payload['department'] = claims.department;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? defaultIssuer)
    .setAudience(options.audience ?? defaultAudience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/**
 * What verifies tokens: a TokenVerifier built from config (HS256 secret and/or JWKS), or — as
 * every caller did before JWKS — a bare HS256 secret with the default issuer and audience.
 */
export type TokenKeys = string | TokenVerifier;

function verifierOf(keys: TokenKeys): TokenVerifier {
  if (typeof keys !== 'string') return keys;
  return createTokenVerifier({
    secret: keys,
    issuer: defaultIssuer,
    audience: defaultAudience,
    clockToleranceSec: defaultClockToleranceSec,
  });
}

/** Verifies signature, issuer, audience, expiry and claim shapes; throws UnauthenticatedError. */
export function verifyToken(keys: TokenKeys, token: string): Promise<Principal> {
  return verifierOf(keys).verify(token);
}

/**
 * Reads `Authorization: Bearer <jwt>`. No header means anonymous; a header that is present but
 * wrong is an error rather than a silent downgrade to anonymous.
 */
export async function principalFromHeader(
  keys: TokenKeys,
  header: string | undefined,
): Promise<Principal> {
  if (!header) return anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new UnauthenticatedError('Authorization must be "Bearer <token>"', TokenReason.MALFORMED);
  }
  return verifyToken(keys, match[1]);
}

/** Used only when JWT_SECRET is unset outside production (embedded mode); never in production. */
export const devJwtSecret = 'daena-development-secret-not-for-production';

/** The configured secret, or the development one (refused when NODE_ENV=production). */
export function resolveJwtSecret(config: { JWT_SECRET?: string | undefined; NODE_ENV: string }): {
  secret: string;
  isDevSecret: boolean;
} {
  if (config.JWT_SECRET) return { secret: config.JWT_SECRET, isDevSecret: false };
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(
      'JWT_SECRET',
      'JWT_SECRET: required when NODE_ENV=production (it is not set)',
    );
  }
  return { secret: devJwtSecret, isDevSecret: true };
}

/**
 * The HS256 secret a service that only verifies tokens uses: JWT_SECRET; none in production when
 * JWKS_URL is set (asymmetric tokens only); else the development secret (refused in production).
 */
export function verifyingSecret(config: {
  JWT_SECRET?: string | undefined;
  JWKS_URL?: string | undefined;
  NODE_ENV: string;
}): string | undefined {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.JWKS_URL && productionMode(config)) return undefined;
  if (productionMode(config)) {
    throw new ConfigError(
      'JWT_SECRET',
      'JWT_SECRET: required when NODE_ENV=production and JWKS_URL is not set (it is not set)',
    );
  }
  return devJwtSecret;
}

/**
 * The one verifier a service builds at start from its env (see `tokenEnv`). `secret` is the
 * HS256 secret the service was given (undefined: HS256 refused).
 */
export function tokenVerifierFromConfig(
  config: TokenEnv,
  secret: string | undefined,
  log?: TokenVerifierOptions['log'],
): TokenVerifier {
  return createTokenVerifier({
    secret,
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockToleranceSec: config.JWT_CLOCK_TOLERANCE_SEC,
    jwksTimeoutMs: config.JWKS_TIMEOUT_MS,
    jwksCooldownMs: config.JWKS_COOLDOWN_MS,
    log,
  });
}
