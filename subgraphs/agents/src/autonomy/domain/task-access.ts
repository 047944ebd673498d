import { ForbiddenError, Role, type Principal } from '@daena/platform/domain';

/**
 * Who reads which tasks and runs (issue 15), by the organization's rules that messages follow too
 * (messaging/domain/message-access.ts): admins and executives read every department's; a
 * department's lead and members read their department's; nobody else reads any.
 */
export type TaskReadScope =
  | { every: true }
  | {
      every: false;
      /** The departments (ids) whose tasks and runs the caller reads. */ departmentIds: ReadonlySet<string>;
    };

/** Admins and executives oversee every department. */
export function readsEveryDepartment(principal: Principal): boolean {
  return principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.EXECUTIVE);
}

/**
 * The caller's scope: every department, or the ones it belongs to: its token's department (a
 * lead, a member, an agent whose token names it) and, for an agent's own token, its agent's.
 */
export function taskReadScope(
  principal: Principal,
  own: { tokenDepartmentId: string | null; agentDepartmentId: string | null },
): TaskReadScope {
  if (principal.sub === null) return { every: false, departmentIds: new Set() };
  if (readsEveryDepartment(principal)) return { every: true };
  const ids = [own.tokenDepartmentId, own.agentDepartmentId].filter(
    (id): id is string => id !== null,
  );
  return { every: false, departmentIds: new Set(ids) };
}

export function mayReadTasksOf(scope: TaskReadScope, departmentId: string): boolean {
  return scope.every || scope.departmentIds.has(departmentId);
}

/** FORBIDDEN `NOT_IN_DEPARTMENT` for a caller outside the work's department. */
export function assertMayReadTasksOf(scope: TaskReadScope, departmentId: string): void {
  if (mayReadTasksOf(scope, departmentId)) return;
  throw new ForbiddenError(
    'Only admins, executives and the department’s lead and members may read its tasks and runs',
    'NOT_IN_DEPARTMENT',
  );
}
