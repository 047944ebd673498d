import { NotFoundError } from '@daena/platform';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AgentRole, roleCapabilities } from '../domain/organization.js';
import type { AgentsContext } from './context.js';
import { Agent, Department, RoleCapability } from './types.js';

@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => [Agent], { description: 'Agents, optionally of one department or role' })
  agents(
    @Ctx() ctx: AgentsContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('role', () => AgentRole, { nullable: true }) role?: AgentRole,
  ): Promise<Agent[]> {
    return ctx.organization.listAgents({ departmentId, role });
  }

  @Query(() => Agent, { nullable: true })
  agent(@Ctx() ctx: AgentsContext, @Arg('id', () => ID) id: string): Promise<Agent | null> {
    return ctx.loaders.agent.load(id);
  }

  @Query(() => [RoleCapability], { description: 'The capability matrix: one row per role' })
  roles(): readonly RoleCapability[] {
    return roleCapabilities;
  }

  @FieldResolver(() => Department)
  async department(@Root() agent: Agent, @Ctx() ctx: AgentsContext): Promise<Department> {
    const department = await ctx.loaders.department.load(agent.departmentId);
    if (!department) throw new NotFoundError('Department', agent.departmentId);
    return department;
  }
}

/** Federation: other subgraphs reference agents by id (e.g. `Vote.agent`). */
export function resolveAgentReference(
  reference: { id: string },
  ctx: AgentsContext,
): Promise<Agent | null> {
  // An unknown id resolves to null, as the federation spec expects of _entities.
  return ctx.loaders.agent.load(reference.id);
}
