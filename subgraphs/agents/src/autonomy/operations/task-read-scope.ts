import { isUuid, Role } from '@daena/platform';
import type { AgentsContext } from '../../request/context.js';
import { readsEveryDepartment, taskReadScope, type TaskReadScope } from '../domain/task-access.js';

/** One scope per request, however many tasks and runs it reads. */
const scopes = new WeakMap<AgentsContext, Promise<TaskReadScope>>();

/** The departments whose tasks and runs this request's caller reads (task-access.ts). */
export function readScopeOf(ctx: AgentsContext): Promise<TaskReadScope> {
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = resolveScope(ctx);
    scopes.set(ctx, scope);
  }
  return scope;
}

async function resolveScope(ctx: AgentsContext): Promise<TaskReadScope> {
  const { principal } = ctx;
  if (principal.sub === null || readsEveryDepartment(principal)) {
    return taskReadScope(principal, { tokenDepartmentId: null, agentDepartmentId: null });
  }
  const department =
    principal.department === null
      ? null
      : await ctx.organization.departmentBySlug(principal.department);
  const agent =
    principal.roles.includes(Role.AGENT) && isUuid(principal.sub)
      ? await ctx.loaders.agent.load(principal.sub)
      : null;
  return taskReadScope(principal, {
    tokenDepartmentId: department?.id ?? null,
    agentDepartmentId: agent?.departmentId ?? null,
  });
}
