import { NotFoundError } from '@daena/platform';
import {
  Arg,
  Ctx,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { decodeAgentCursor, encodeAgentCursor, normalizeSearch } from '../domain/agent-listing.js';
import { assertPageSize, invalidCursor } from '../domain/cursor.js';
import { AgentRole, roleCapabilities } from '../domain/organization.js';
import { AgentFilter, AgentPage } from './agent-list-types.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent, Department, RoleCapability } from './types.js';

@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => [Agent], {
    description: 'Current agents, optionally of one department or role (see agentPage for more)',
  })
  agents(
    @Ctx() ctx: AgentsContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string | null,
    @Arg('role', () => AgentRole, { nullable: true }) role?: AgentRole | null,
  ): Promise<Agent[]> {
    return ctx.organization.listAgents({
      departmentId: departmentId ?? undefined,
      role: role ?? undefined,
    });
  }

  @Query(() => AgentPage, {
    description: 'Agents a page at a time, filtered; pass pageInfo.endCursor as `after`',
  })
  async agentPage(
    @Ctx() ctx: AgentsContext,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 200' }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => AgentFilter, { nullable: true }) filter?: AgentFilter | null,
  ): Promise<AgentPage> {
    assertPageSize(first);
    const afterKey = after ? decodeAgentCursor(after) : null;
    if (after && !afterKey) throw invalidCursor();
    const page = await ctx.organization.agentPage(
      {
        departmentId: filter?.departmentId ?? undefined,
        role: filter?.role ?? undefined,
        status: filter?.status ?? undefined,
        includeRetired: filter?.includeRetired ?? false,
        search: normalizeSearch(filter?.search),
      },
      first,
      afterKey,
    );
    const [head, last] = [page.rows.at(0), page.rows.at(-1)];
    return {
      nodes: page.rows,
      totalCount: page.totalCount,
      pageInfo: {
        startCursor: head ? encodeAgentCursor(head) : null,
        endCursor: last ? encodeAgentCursor(last) : null,
        hasPreviousPage: page.hasPreviousPage,
        hasNextPage: page.hasNextPage,
      },
    };
  }

  @Query(() => Agent, { nullable: true, description: 'One agent by id (retired ones too)' })
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

  @FieldResolver(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the agent was retired (it then does no work); null while it serves',
  })
  retiredAt(@Root() agent: Agent & { retiredAt: Date | null }): Date | null {
    return agent.retiredAt;
  }
}

/** Federation: other subgraphs reference agents by id (e.g. `Vote.agent`). */
export function resolveAgentReference(
  reference: { id: string },
  ctx: AgentsContext,
): Promise<Agent | null> {
  // An unknown id resolves to null, as the federation spec expects of _entities. Retired agents
  // still resolve: votes and messages of the past refer to them.
  return ctx.loaders.agent.load(reference.id);
}
