import { randomUUID } from 'node:crypto';
import {
  agentSlugBase,
  assertNoOpenWork,
  assertNotRetired,
  firstFreeSlug,
  nextPlace,
  validateName,
  validateSlug,
} from '../domain/organization-admin.js';
import type { AgentRole } from '../domain/organization.js';
import type { AgentRecord } from '../store/records.js';
import { runAdminTransaction } from '../store/organization-admin-repository.js';
import type { AgentsContext } from '../../request/context.js';
import { agentChanged, found, lockedCurrentAgent } from './admin-changes.js';

/**
 * Agent admin (issue 3), shaped like the department use cases: validate → one locking
 * transaction with optimistic `version` checks → event after commit. The caller has authorized.
 */
export async function hireAgent(
  ctx: AgentsContext,
  input: { departmentId: string; role: AgentRole; name: string; slug?: string | null },
): Promise<AgentRecord> {
  const name = validateName(input.name);
  const slug = input.slug === undefined || input.slug === null ? null : validateSlug(input.slug);
  const agent = await runAdminTransaction(ctx.em, async (tx) => {
    // Locked: hires into one department queue for seats, and it cannot retire meanwhile.
    const department = found(
      'Department',
      input.departmentId,
      await tx.lockDepartment(input.departmentId),
    );
    assertNotRetired('Department', department);
    const base = agentSlugBase(name, department.slug, input.role);
    return tx.insertAgent({
      id: randomUUID(),
      slug: slug ?? firstFreeSlug(base, await tx.agentSlugsLike(base)),
      name,
      role: input.role,
      departmentId: department.id,
      seat: nextPlace(await tx.highestSeat(department.id)),
    });
  });
  return agentChanged(ctx, agent, 'hired');
}

export async function renameAgent(
  ctx: AgentsContext,
  id: string,
  version: number,
  name: string,
): Promise<AgentRecord> {
  const newName = validateName(name);
  const result = await runAdminTransaction(ctx.em, async (tx) => {
    const agent = lockedCurrentAgent(id, version, await tx.lockAgent(id));
    if (agent.name === newName) return { agent, changed: false };
    const [renamed] = await tx.updateAgents([agent], { name: newName });
    return { agent: renamed ?? agent, changed: true };
  });
  if (!result.changed) return result.agent;
  return agentChanged(ctx, result.agent, 'renamed');
}

export async function reassignAgent(
  ctx: AgentsContext,
  id: string,
  version: number,
  departmentId: string,
): Promise<AgentRecord> {
  const result = await runAdminTransaction(ctx.em, async (tx) => {
    const agent = lockedCurrentAgent(id, version, await tx.lockAgent(id));
    const target = found('Department', departmentId, await tx.lockDepartment(departmentId));
    assertNotRetired('Department', target);
    if (target.id === agent.departmentId) return { agent, from: null };
    assertNoOpenWork(agent);
    // Read before the update: the reloaded row is the same object, refreshed in place.
    const from = agent.departmentId;
    const seat = nextPlace(await tx.highestSeat(target.id));
    const [moved] = await tx.updateAgents([agent], { departmentId: target.id, seat });
    return { agent: moved ?? agent, from };
  });
  if (result.from === null) return result.agent;
  return agentChanged(ctx, result.agent, 'reassigned', result.from);
}

export async function retireAgent(
  ctx: AgentsContext,
  id: string,
  version: number,
): Promise<AgentRecord> {
  const agent = await runAdminTransaction(ctx.em, async (tx) => {
    const current = lockedCurrentAgent(id, version, await tx.lockAgent(id));
    assertNoOpenWork(current);
    const [retired] = await tx.updateAgents([current], { retire: true });
    return retired ?? current;
  });
  return agentChanged(ctx, agent, 'retired');
}
