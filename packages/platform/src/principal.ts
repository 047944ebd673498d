import { ForbiddenError, UnauthenticatedError } from './domain-errors.js';

export const Role = {
  ADMIN: 'admin',
  EXECUTIVE: 'executive',
  DEPARTMENT_LEAD: 'department_lead',
  AGENT: 'agent',
  VIEWER: 'viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const roleValues = Object.values(Role) as [Role, ...Role[]];

/** Who is calling. Anonymous callers have no subject and no roles and may read public data only. */
export interface Principal {
  readonly sub: string | null;
  readonly roles: readonly Role[];
  readonly department: string | null;
  /** The raw token, forwarded to subgraphs that verify it again. */
  readonly token: string | null;
  /** When the token stops being valid (ms since the epoch): long-lived sockets close then. */
  readonly expiresAt?: number;
}

export const anonymous: Principal = Object.freeze({
  sub: null,
  roles: [],
  department: null,
  token: null,
});

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

/**
 * Passes for an admin, and for an agent acting as itself (role `agent`, `sub` = `agentId`);
 * anyone else gets FORBIDDEN `NOT_THIS_AGENT` with `message` saying what they tried.
 */
export function requireAdminOrAgentItself(
  principal: Principal,
  agentId: string,
  message: string,
): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN)) return;
  if (principal.roles.includes(Role.AGENT) && principal.sub === agentId) return;
  throw new ForbiddenError(message, 'NOT_THIS_AGENT');
}
