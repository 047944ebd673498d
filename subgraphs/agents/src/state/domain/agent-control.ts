import {
  ConflictError,
  ForbiddenError,
  Role,
  requireAuthenticated,
  type Principal,
} from '@daena/platform/domain';
import { AgentStatus } from '../../organization/domain/organization.js';

export type ControlAction = 'pause' | 'resume';

/**
 * The status an agent moves to. Pausing a paused agent changes nothing (idempotent); resuming
 * an agent that is not paused is a conflict the caller should see.
 */
export function nextStatus(current: AgentStatus, action: ControlAction): AgentStatus {
  if (action === 'pause') return AgentStatus.PAUSED;
  if (current !== AgentStatus.PAUSED) {
    throw new ConflictError(`The agent is ${current}, not PAUSED`, 'AGENT_NOT_PAUSED', {
      status: current,
    });
  }
  return AgentStatus.IDLE;
}

/** Admins may pause or resume any agent; a department lead only the agents of their department. */
export function assertMayControl(principal: Principal, departmentSlug: string): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN)) return;
  if (principal.roles.includes(Role.DEPARTMENT_LEAD) && principal.department === departmentSlug)
    return;
  throw new ForbiddenError(
    "Only admins and the agent's department lead may pause or resume it",
    'NOT_DEPARTMENT_LEAD',
  );
}
