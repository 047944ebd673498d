import { randomUUID } from 'node:crypto';
import { Events, NotFoundError, Role, requireRole } from '@daena/platform';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import {
  agentSlugBase,
  assertDepartmentHasNoOpenWork,
  assertNoOpenWork,
  assertNotRetired,
  assertVersion,
  firstFreeSlug,
  nextPlace,
  validateName,
  validateSlug,
} from '../domain/organization-admin.js';
import { AgentRole } from '../domain/organization.js';
import type { AgentRecord, DepartmentRecord } from '../store/entities.js';
import { runAdminTransaction } from '../store/organization-admin-repository.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent, Department } from './types.js';

/** The admin mutations need, beyond every request's context, the decisions subgraph. */

@InputType({ description: 'A new department; it takes the next free cell of the honeycomb' })
export class CreateDepartmentInput {
  @Field(() => String, {
    description: 'Lowercase words of letters and digits joined by hyphens, ≤ 63; never changes',
  })
  slug!: string;

  @Field(() => String, { description: '1–100 characters (trimmed)' })
  name!: string;
}

@InputType({ description: 'A new agent; it takes the next free seat of its department' })
export class HireAgentInput {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => String, { description: '1–100 characters (trimmed)' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'As a department slug; derived from the name (made unique) when omitted',
  })
  slug?: string | null;
}

/**
 * Organization admin (issue 3), admins only. Each mutation: authorize → validate input → one
 * transaction that locks what it decides on, checks the domain rules and the caller's `version`
 * (optimistic locking), and writes → event after commit. Any error leaves nothing written.
 */
@Resolver()
export class OrganizationAdminResolver {
  @Mutation(() => Department, { description: 'Adds a department in the next cell (admins)' })
  async createDepartment(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
  ): Promise<Department> {
    requireRole(ctx.principal, Role.ADMIN);
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

  @Mutation(() => Department, { description: 'Renames a department; its slug stays (admins)' })
  async renameDepartment(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('name', () => String) name: string,
  ): Promise<Department> {
    requireRole(ctx.principal, Role.ADMIN);
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

  @Mutation(() => Department, {
    description:
      'Retires a department with no open work; its agents retire with it and its cell stays empty (admins)',
  })
  async retireDepartment(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Department> {
    requireRole(ctx.principal, Role.ADMIN);
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

  @Mutation(() => Agent, { description: 'Hires an agent into a department (admins)' })
  async hireAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => HireAgentInput) input: HireAgentInput,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
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

  @Mutation(() => Agent, { description: 'Renames an agent; its slug stays (admins)' })
  async renameAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('name', () => String) name: string,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
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

  @Mutation(() => Agent, {
    description: 'Moves an agent with no open work to the next seat of another department (admins)',
  })
  async reassignAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('departmentId', () => ID) departmentId: string,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
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

  @Mutation(() => Agent, {
    description: 'Retires an agent with no open work; it keeps its row and seat (admins)',
  })
  async retireAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
    const agent = await runAdminTransaction(ctx.em, async (tx) => {
      const current = lockedCurrentAgent(id, version, await tx.lockAgent(id));
      assertNoOpenWork(current);
      const [retired] = await tx.updateAgents([current], { retire: true });
      return retired ?? current;
    });
    return agentChanged(ctx, agent, 'retired');
  }
}

function found<T>(kind: 'Department' | 'Agent', id: string, row: T | null): T {
  if (row === null) throw new NotFoundError(kind, id);
  return row;
}

function lockedCurrentAgent(id: string, version: number, row: AgentRecord | null): AgentRecord {
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

async function departmentChanged(
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

async function agentChanged(
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
