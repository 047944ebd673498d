import { NotFoundError } from '@daena/platform';
import { Events } from '@daena/contracts';
import { assertNotRetired, assertVersion } from '../domain/organization-admin.js';
import type { AgentRecord, DepartmentRecord } from '../store/records.js';
import type { AgentsContext } from '../../request/context.js';

export function found<T>(kind: 'Department' | 'Agent', id: string, row: T | null): T {
  if (row === null) throw new NotFoundError(kind, id);
  return row;
}

export function lockedCurrentAgent(
  id: string,
  version: number,
  row: AgentRecord | null,
): AgentRecord {
  const agent = found('Agent', id, row);
  assertNotRetired('Agent', agent);
  assertVersion('Agent', agent, version);
  return agent;
}

/** After a commit: this request's cached reads are stale, then the event goes out. */
function forgetReads(ctx: AgentsContext): void {
  ctx.em.clear();
  ctx.loaders.department.clearAll();
  ctx.loaders.agent.clearAll();
  ctx.loaders.agentsByDepartment.clearAll();
}

export async function departmentChanged(
  ctx: AgentsContext,
  department: DepartmentRecord,
  change: 'created' | 'renamed' | 'retired',
): Promise<DepartmentRecord> {
  forgetReads(ctx);
  await ctx.publish(
    Events.departmentChanged.create({
      departmentId: department.id,
      slug: department.slug,
      change,
      version: department.version,
    }),
  );
  return department;
}

export async function agentChanged(
  ctx: AgentsContext,
  agent: AgentRecord,
  change: 'hired' | 'renamed' | 'reassigned' | 'retired',
  previousDepartmentId?: string,
): Promise<AgentRecord> {
  forgetReads(ctx);
  await ctx.publish(
    Events.agentChanged.create({
      agentId: agent.id,
      departmentId: agent.departmentId,
      change,
      ...(previousDepartmentId ? { previousDepartmentId } : {}),
      version: agent.version,
    }),
  );
  return agent;
}
