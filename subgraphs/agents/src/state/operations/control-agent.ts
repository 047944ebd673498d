import { ConflictError, NotFoundError, requireAuthenticated } from '@daena/platform';
import { assertMayControl, nextStatus, type ControlAction } from '../domain/agent-control.js';
import type { AgentRecord } from '../../organization/store/records.js';
import type { AgentsContext } from '../../request/context.js';
import { announceStateWrite } from './report-agent-state.js';

/**
 * Authorize → transition → versioned write (through to the hot-state cache) → events; nothing is
 * written on any error.
 */
export async function controlAgent(
  ctx: AgentsContext,
  id: string,
  version: number,
  action: ControlAction,
): Promise<AgentRecord> {
  // Authenticate before looking anything up: anonymous callers learn nothing about ids.
  requireAuthenticated(ctx.principal);
  const agent = await ctx.organization.agentById(id);
  if (!agent) throw new NotFoundError('Agent', id);
  const department = await ctx.loaders.department.load(agent.departmentId);
  if (!department) throw new NotFoundError('Department', agent.departmentId);
  assertMayControl(ctx.principal, department.slug);
  const status = nextStatus(agent.status, action);
  if (status === agent.status) return agent;
  const write = await ctx.agentState.setStatus(id, version, status, agent.status);
  const updated = write && (await ctx.organization.agentById(id));
  if (!write || !updated) {
    throw new ConflictError(
      `Agent ${id} has changed since version ${version}; read it again`,
      'STALE_VERSION',
      {
        currentVersion: agent.version,
      },
    );
  }
  await announceStateWrite(ctx, write);
  return updated;
}
