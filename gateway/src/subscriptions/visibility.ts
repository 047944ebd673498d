import { randomUUID } from 'node:crypto';
import { Role, type Principal, type TokenClaims, type VisibilityClassName } from '@daena/platform';

/**
 * A visibility class (issue 14 §1): subscribers whose payloads cannot differ share one execution
 * per event. The execution runs as the class, never as one of its members: `claims` are what the
 * gateway signs a short-lived token for (null: no token, i.e. anonymous). Sharing is safe when
 * the class principal may see no more than any member, so every rule below gives it at most the
 * member's own sub, roles and department (or a synthetic sub no real token carries, and a
 * department only when every member's token names that same one); when a subgraph rule changes,
 * a class then fails closed (too little data) instead of leaking.
 */
export interface VisibilityClass {
  /** Subscribers with equal keys (and the same operation and variables) share an execution. */
  key: string;
  claims: TokenClaims | null;
}

/** A route's class for a subscriber; undefined keeps the subscriber's own identity. */
export type Visibility = (principal: Principal) => VisibilityClass | undefined;

/**
 * Synthetic subjects: random per process, so no token an identity provider issues can name the
 * same subject (a subgraph that compares `sub` to an owner never matches a class principal).
 */
const syntheticSubjectNonce = randomUUID();
export function syntheticSubject(name: string): string {
  return `visibility:${name}:${syntheticSubjectNonce}`;
}

const anonymousClass: VisibilityClass = { key: 'anonymous', claims: null };

/**
 * The payload depends on nothing about the caller: every subgraph resolver the root type reaches
 * ignores the principal (agentActivity: Agent, Department, Point … in the agents subgraph).
 */
export const sameForEveryone: Visibility = () => anonymousClass;

/**
 * The payload depends on the caller's roles only: `requireRole` checks and nothing that reads
 * `sub` or `department` (routerSelections: `routerReaders` in
 * subgraphs/agents/src/schema/router-resolver.ts; RoutingDecision's fields check nothing).
 * The class principal carries exactly the member's roles, so it passes and fails the same checks.
 */
export const byRoles: Visibility = (principal) => {
  if (principal.sub === null) return anonymousClass;
  const roles = [...new Set(principal.roles)].sort();
  const key = `roles:${roles.join(',')}`;
  return { key, claims: { sub: syntheticSubject(key), roles } };
};

/** Roles that cast votes: `castVote` (agent, as itself) and `castExecutiveVote` (executive). */
const votingRoles: readonly Role[] = [Role.AGENT, Role.EXECUTIVE];

/**
 * For payloads that reach votes (voteTally, proposalUpdates → proposal → votes, tally.lastVote):
 * the only principal-dependent reads are a blind round's sealed fields (`mayReadVote` in
 * subgraphs/decisions/src/domain/vote.ts: admins, and the voter by `sub`). So:
 * - admins form one class, executed as a synthetic admin (they see every choice);
 * - anyone who may cast votes (agent, executive) is a class of one, keyed by sub and executed as
 *   that sub with no roles, so it sees its own sealed vote and nothing more;
 * - everyone else (viewers, department leads, anonymous) sees no sealed field and shares one
 *   class executed as anonymous: no read on these types requires authentication today, and if
 *   one ever does, the class gets an error rather than a member's data.
 * A viewer-only token whose sub once voted under another token would not see that vote sealed
 * here (it would through a query): fewer data, never more. Tying `mayReadVote` to the voting
 * roles in decisions would make this exact.
 */
export const sealedVotes: Visibility = (principal) => {
  if (principal.roles.includes(Role.ADMIN)) {
    return { key: 'admin', claims: { sub: syntheticSubject('admin'), roles: [Role.ADMIN] } };
  }
  if (principal.sub !== null && principal.roles.some((role) => votingRoles.includes(role))) {
    return { key: `voter:${principal.sub}`, claims: { sub: principal.sub, roles: [] } };
  }
  return anonymousClass;
};

/**
 * For payloads read by department (taskUpdates, runSteps: `taskReadScope` in
 * subgraphs/agents/src/autonomy/domain/task-access.ts): admins and executives read every
 * department's, anyone else the department their token names, and an agent also its own agent's
 * department, looked up by its sub. So callers with the same roles and the same token department
 * share a class executed with exactly those roles and that department under a synthetic sub
 * (reads that compare `sub` to an owner fail closed); an agent keeps its own identity, since its
 * scope depends on who it is. Anonymous callers read no department's work.
 */
export const byDepartment: Visibility = (principal) => {
  if (principal.sub === null) return anonymousClass;
  if (principal.roles.includes(Role.AGENT)) return undefined;
  const roles = [...new Set(principal.roles)].sort();
  const department = principal.department ?? null;
  const key = `department:${department ?? '-'}:roles:${roles.join(',')}`;
  const claims: TokenClaims = { sub: syntheticSubject(key), roles };
  if (department !== null) claims.department = department;
  return { key, claims };
};

/** The classes a `@busEvent(visibility:)` may name, by that name. */
export const visibilityClasses: Record<VisibilityClassName, Visibility> = {
  sameForEveryone,
  byRoles,
  sealedVotes,
  byDepartment,
};
