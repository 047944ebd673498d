import { randomUUID } from 'node:crypto';
import {
  assertDepartmentHasNoOpenWork,
  assertNotRetired,
  assertVersion,
  nextPlace,
  validateName,
  validateSlug,
} from '../domain/organization-admin.js';
import type { DepartmentRecord } from '../store/records.js';
import { runAdminTransaction } from '../store/organization-admin-repository.js';
import type { AgentsContext } from '../../request/context.js';
import { agentChanged, departmentChanged, found } from './admin-changes.js';

/**
 * Department admin (issue 3). Each use case: validate input → one transaction that locks what it
 * decides on, checks the domain rules and the caller's `version` (optimistic locking), and writes
 * → event after commit. Any error leaves nothing written. The caller has authorized the admin.
 */
export async function createDepartment(
  ctx: AgentsContext,
  input: { slug: string; name: string },
): Promise<DepartmentRecord> {
  const [slug, name] = [validateSlug(input.slug), validateName(input.name)];
  const department = await runAdminTransaction(ctx.em, async (tx) =>
    // Ordinals are never reused (retired cells included), so no existing cell moves.
    tx.insertDepartment({
      id: randomUUID(),
      slug,
      name,
      ordinal: nextPlace(await tx.highestOrdinal()),
    }),
  );
  return departmentChanged(ctx, department, 'created');
}

export async function renameDepartment(
  ctx: AgentsContext,
  id: string,
  version: number,
  name: string,
): Promise<DepartmentRecord> {
  const newName = validateName(name);
  const result = await runAdminTransaction(ctx.em, async (tx) => {
    const department = found('Department', id, await tx.lockDepartment(id));
    assertNotRetired('Department', department);
    assertVersion('Department', department, version);
    if (department.name === newName) return { department, changed: false };
    return {
      department: await tx.updateDepartment(department, { name: newName }),
      changed: true,
    };
  });
  if (!result.changed) return result.department;
  return departmentChanged(ctx, result.department, 'renamed');
}

export async function retireDepartment(
  ctx: AgentsContext,
  id: string,
  version: number,
): Promise<DepartmentRecord> {
  // Cheap checks first, so an unknown or stale department never costs a call to decisions.
  const current = found('Department', id, await ctx.organization.departmentById(id));
  assertNotRetired('Department', current);
  assertVersion('Department', current, version);
  // Asked before the transaction, so no row stays locked while another service answers. A
  // proposal opened after this answer would find the department without agents to vote.
  const openProposalIds = await ctx.decisions.openProposalIds(current.id, ctx.principal.token);
  const { department, agents } = await runAdminTransaction(ctx.em, async (tx) => {
    const locked = found('Department', id, await tx.lockDepartment(id));
    assertNotRetired('Department', locked);
    assertVersion('Department', locked, version);
    const staff = await tx.lockCurrentAgentsOf(locked.id);
    assertDepartmentHasNoOpenWork(locked.id, staff, openProposalIds);
    // A retired department takes no agents, so its agents retire with it (keeping their seats);
    // an admin who wants to keep one reassigns it first.
    const retiredAgents = await tx.updateAgents(staff, { retire: true });
    return {
      department: await tx.updateDepartment(locked, { retire: true }),
      agents: retiredAgents,
    };
  });
  for (const agent of agents) await agentChanged(ctx, agent, 'retired');
  return departmentChanged(ctx, department, 'retired');
}
