import { signToken, type Principal } from '@daena/platform';
import type { Visibility, VisibilityClass } from './visibility.js';

/** What the gateway signs class tokens with: the platform's HS256 secret and token checks. */
export interface ClassTokenSigning {
  secret: string;
  issuer: string;
  audience: string;
}

/** How one subscriber's events are executed, and with whom that execution is shared. */
export interface SubscriberSharing {
  /** Subscribers with equal keys (and the same operation and variables) share executions. */
  key: string;
  /** Who each execution runs as (a class principal, or the subscriber's own). */
  principal(): Promise<Principal>;
}

/**
 * A class token lives 10 minutes and is replaced once less than 2 remain: long enough to sign
 * rarely, short enough to be worthless soon if it leaked, and 2 minutes covers an execution in
 * flight plus the subgraphs' clock tolerance (JWT_CLOCK_TOLERANCE_SEC, 30 s by default).
 */
const tokenLifetimeSec = 600;
const renewBeforeMs = 120_000;

interface Signed {
  principal: Promise<Principal>;
  expiresAt: number;
}

/**
 * The principals visibility classes execute as. A class that needs a token has one only when the
 * gateway knows the HS256 secret; without it (JWKS only) its subscribers keep their own identity,
 * as before classes existed. Anonymous classes need no token and are always shared.
 */
export class ClassPrincipals {
  private readonly signed = new Map<string, Signed>();

  constructor(
    private readonly signing: ClassTokenSigning | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  sharingFor(visibility: Visibility | undefined, principal: Principal): SubscriberSharing {
    const visibilityClass = visibility?.(principal);
    if (visibilityClass && (visibilityClass.claims === null || this.signing)) {
      return {
        key: `class:${visibilityClass.key}`,
        principal: () => this.principalOf(visibilityClass),
      };
    }
    // The identity a subgraph can tell apart; executions use the first subscriber's token.
    const identity = JSON.stringify([principal.sub, principal.roles, principal.department]);
    return { key: `identity:${identity}`, principal: () => Promise.resolve(principal) };
  }

  private principalOf(visibilityClass: VisibilityClass): Promise<Principal> {
    const { claims, key } = visibilityClass;
    if (claims === null || !this.signing) {
      return Promise.resolve({ sub: null, roles: [], department: null, token: null });
    }
    const now = this.now();
    const current = this.signed.get(key);
    if (current && current.expiresAt - now > renewBeforeMs) return current.principal;
    for (const [other, entry] of this.signed) if (entry.expiresAt <= now) this.signed.delete(other);
    const expiresAt = now + tokenLifetimeSec * 1000;
    const { secret, issuer, audience } = this.signing;
    const principal = signToken(secret, claims, `${tokenLifetimeSec}s`, { issuer, audience }).then(
      (token): Principal => ({
        sub: claims.sub,
        roles: claims.roles,
        department: claims.department ?? null,
        token,
        expiresAt,
      }),
    );
    // A failed signature is not cached: the next event signs again.
    principal.catch(() => {
      if (this.signed.get(key)?.principal === principal) this.signed.delete(key);
    });
    this.signed.set(key, { principal, expiresAt });
    return principal;
  }
}
