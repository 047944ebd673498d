/**
 * Rules of the organization's admin mutations (issue 3): what a valid slug and name are, what
 * counts as open work, where new cells and seats go, and optimistic locking. Pure: no I/O.
 */
import { BadInputError, ConflictError } from '@daena/platform/domain';
import { AgentStatus, type AgentRole } from './organization.js';

/**
 * Slugs are URL-safe words joined by single hyphens (migration 0001 checks the same pattern for
 * departments). At most 63 characters, the DNS label limit (RFC 1035 §2.3.4), so a slug can also
 * name a host or a queue. Names: 1–100 characters after trimming, as the tables check.
 */
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const adminLimits = { slugMax: 63, nameMax: 100 } as const;

export function validateSlug(slug: string, field = 'slug'): string {
  if (slug.length > adminLimits.slugMax || !slugPattern.test(slug)) {
    throw new BadInputError(
      `${field} must be lowercase letters and digits in words joined by single hyphens, at most ${adminLimits.slugMax} characters`,
      'INVALID_SLUG',
      { field },
    );
  }
  return slug;
}

// eslint-disable-next-line no-control-regex -- exactly the characters refused
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** The trimmed name; control characters are refused (names are drawn on dashboards). */
export function validateName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (
    trimmed.length < 1 ||
    trimmed.length > adminLimits.nameMax ||
    controlCharacter.test(trimmed)
  ) {
    throw new BadInputError(
      `${field} must be 1–${adminLimits.nameMax} printable characters`,
      'INVALID_NAME',
      { field },
    );
  }
  return trimmed;
}

/** "Ünïcode  Scout #2" → "unicode-scout-2": the slug a name suggests (may be empty). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, adminLimits.slugMax)
    .replace(/^-+|-+$/g, '');
}

/** The slug a hired agent gets when none is given: from its name, else department and role. */
export function agentSlugBase(name: string, departmentSlug: string, role: AgentRole): string {
  return slugify(name) || slugify(`${departmentSlug}-${role}`);
}

/** `base`, or `base-2`, `base-3`, … : the first not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, adminLimits.slugMax - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Cells and seats are never handed out twice: the next one is one past the highest ever taken,
 * retired rows included, so adding never moves anything already drawn.
 */
export function nextPlace(highestTaken: number | null): number {
  return highestTaken === null ? 0 : highestTaken + 1;
}

/** Statuses in which an agent is in the middle of something (a task or a vote). */
const busyStatuses: ReadonlySet<AgentStatus> = new Set([
  AgentStatus.WORKING,
  AgentStatus.WAITING_FOR_CONSENSUS,
]);

export interface WorkState {
  id: string;
  status: AgentStatus;
  currentTask: string | null;
}

export function hasOpenWork(agent: WorkState): boolean {
  return busyStatuses.has(agent.status) || agent.currentTask !== null;
}

/** An agent in the middle of work is neither retired nor moved: its task would be orphaned. */
export function assertNoOpenWork(agent: WorkState): void {
  if (!hasOpenWork(agent)) return;
  throw new ConflictError(
    `Agent ${agent.id} has open work (${agent.status}); wait for it or pause the agent first`,
    'AGENT_HAS_OPEN_WORK',
    { agentId: agent.id, status: agent.status, hasCurrentTask: agent.currentTask !== null },
  );
}

/** A department is retired only when none of its agents is busy and no proposal of it is open. */
export function assertDepartmentHasNoOpenWork(
  departmentId: string,
  agents: readonly WorkState[],
  openProposalIds: readonly string[],
): void {
  const busyAgentIds = agents.filter(hasOpenWork).map((agent) => agent.id);
  if (busyAgentIds.length === 0 && openProposalIds.length === 0) return;
  throw new ConflictError(
    `Department ${departmentId} has open work: ${busyAgentIds.length} busy agent(s), ${openProposalIds.length} open proposal(s)`,
    'DEPARTMENT_HAS_OPEN_WORK',
    { busyAgentIds, openProposalIds },
  );
}

type Kind = 'Department' | 'Agent';

/** Retired rows stay for history but take no changes (and a retired department takes no agents). */
export function assertNotRetired(kind: Kind, row: { id: string; retiredAt: Date | null }): void {
  if (row.retiredAt === null) return;
  throw new ConflictError(`${kind} ${row.id} is retired`, `${kind.toUpperCase()}_RETIRED`, {
    id: row.id,
    retiredAt: row.retiredAt.toISOString(),
  });
}

/** Optimistic locking: a write names the version it read; any other version is a conflict. */
export function assertVersion(
  kind: Kind,
  row: { id: string; version: number },
  expectedVersion: number,
): void {
  if (row.version === expectedVersion) return;
  throw new ConflictError(
    `${kind} ${row.id} has changed since version ${expectedVersion}; read it again`,
    'STALE_VERSION',
    { currentVersion: row.version },
  );
}
