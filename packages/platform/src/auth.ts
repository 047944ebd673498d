import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { ConfigError } from './config.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export const Role = {
  ADMIN: 'admin',
  EXECUTIVE: 'executive',
  DEPARTMENT_LEAD: 'department_lead',
  AGENT: 'agent',
  VIEWER: 'viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
const roleValues = Object.values(Role) as [Role, ...Role[]];

/** Who is calling. Anonymous callers have no subject and no roles and may read public data only. */
export interface Principal {
  readonly sub: string | null;
  readonly roles: readonly Role[];
  readonly department: string | null;
  /** The raw token, forwarded to subgraphs that verify it again. */
  readonly token: string | null;
}

export const anonymous: Principal = Object.freeze({
  sub: null,
  roles: [],
  department: null,
  token: null,
});

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(roleValues)).default([]),
  department: z.string().min(1).nullish(),
});

const issuer = 'daena';
const audience = 'daena-api';

export interface TokenClaims {
  sub: string;
  roles: Role[];
  department?: string | undefined;
}

/** Signs an HS256 token; used by `npm run token` and tests. */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  expiresIn: string = '12h',
): Promise<string> {
  const payload: Record<string, unknown> = { roles: claims.roles };
  if (claims.department) payload['department'] = claims.department;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** Verifies signature, issuer, audience, expiry and claim shapes; throws UnauthenticatedError. */
export async function verifyToken(secret: string, token: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer,
      audience,
      algorithms: ['HS256'],
    });
    const claims = claimsSchema.parse(payload);
    return {
      sub: claims.sub,
      roles: claims.roles,
      department: claims.department ?? null,
      token,
    };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new UnauthenticatedError('The token has expired', 'TOKEN_EXPIRED');
    }
    throw new UnauthenticatedError('The token is not valid', 'TOKEN_INVALID');
  }
}

/**
 * Reads `Authorization: Bearer <jwt>`. No header means anonymous; a header that is present but
 * wrong is an error rather than a silent downgrade to anonymous.
 */
export async function principalFromHeader(
  secret: string,
  header: string | undefined,
): Promise<Principal> {
  if (!header) return anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new UnauthenticatedError('Authorization must be "Bearer <token>"', 'TOKEN_MALFORMED');
  }
  return verifyToken(secret, match[1]);
}

export function isAuthenticated(principal: Principal): boolean {
  return principal.sub !== null;
}

export function requireAuthenticated(principal: Principal): void {
  if (!isAuthenticated(principal)) throw new UnauthenticatedError();
}

/** Passes when the caller has any of `roles`; admins pass every role check. */
export function requireRole(principal: Principal, ...roles: Role[]): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN)) return;
  if (!roles.some((role) => principal.roles.includes(role))) {
    throw new ForbiddenError(
      `This operation needs one of the roles: ${roles.join(', ')}`,
      'ROLE_REQUIRED',
    );
  }
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
