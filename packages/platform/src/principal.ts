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
