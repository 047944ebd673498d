import {
  AgentStatus,
  roleCapabilities,
  type AgentRole,
} from '../../organization/domain/organization.js';

/** What assignment needs to know of an agent. */
export interface Candidate {
  id: string;
  name: string;
  role: AgentRole;
  status: AgentStatus;
  retiredAt: Date | null;
  /** 0–1: the share of its capacity in use. */
  load: number;
  /** Tasks it has queued or running now. */
  openTasks: number;
}

/** The capabilities each role has, from the matrix. */
function capabilitiesOf(role: AgentRole): ReadonlySet<string> {
  return new Set(roleCapabilities.find((row) => row.role === role)?.autonomousCapabilities ?? []);
}

/** Whether the role can do everything the task needs (no requirement: any role can). */
export function canDo(role: AgentRole, required: readonly string[]): boolean {
  const has = capabilitiesOf(role);
  return required.every((capability) => has.has(capability));
}

/**
 * The capability match of the seed's autonomy loop: among the department's current, unpaused
 * agents whose role covers every required capability, the least busy (fewest open tasks, then
 * lowest load, then name, so the choice is stable). Null when nobody can take it.
 */
export function chooseAssignee(
  required: readonly string[],
  candidates: readonly Candidate[],
): Candidate | null {
  const able = candidates.filter(
    (agent) =>
      agent.retiredAt === null &&
      agent.status !== AgentStatus.PAUSED &&
      canDo(agent.role, required),
  );
  able.sort(
    (a, b) => a.openTasks - b.openTasks || a.load - b.load || a.name.localeCompare(b.name) || 0,
  );
  return able[0] ?? null;
}

/** Whether this agent may be given work at all (an explicit assignee is checked by it). */
export function assignable(agent: Pick<Candidate, 'status' | 'retiredAt'>): boolean {
  return agent.retiredAt === null && agent.status !== AgentStatus.PAUSED;
}
