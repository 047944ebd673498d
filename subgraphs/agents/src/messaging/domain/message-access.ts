import { ForbiddenError, Role, requireAuthenticated, type Principal } from '@daena/platform/domain';

interface AgentInDepartment {
  id: string;
  departmentSlug: string;
}

/**
 * Who may send as an agent: admins, the agent itself (an `agent` token whose subject is its id)
 * and the lead of its department, who speaks for the department's agents.
 */
export function assertMaySendAs(principal: Principal, agent: AgentInDepartment): void {
  if (speaksFor(principal, agent)) return;
  throw new ForbiddenError(
    'Only admins, the agent itself and its department lead may send as an agent',
    'NOT_THE_SENDER',
  );
}

/** Who may read an agent's messages: whoever may send as it, and executives. */
export function assertMayReadMessagesOf(principal: Principal, agent: AgentInDepartment): void {
  if (speaksFor(principal, agent) || principal.roles.includes(Role.EXECUTIVE)) return;
  throw new ForbiddenError(
    'Only admins, executives, the agent itself and its department lead may read its messages',
    'NOT_THE_RECIPIENT',
  );
}

/** The hub is the Daena VP's office: admins and executives read what reaches it. */
export function assertMayReadHub(principal: Principal): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.EXECUTIVE)) return;
  throw new ForbiddenError('Only admins and executives may read the hub', 'ROLE_REQUIRED');
}

function speaksFor(principal: Principal, agent: AgentInDepartment): boolean {
  requireAuthenticated(principal);
  return (
    principal.roles.includes(Role.ADMIN) ||
    (principal.roles.includes(Role.AGENT) && principal.sub === agent.id) ||
    (principal.roles.includes(Role.DEPARTMENT_LEAD) &&
      principal.department === agent.departmentSlug)
  );
}
