import { ConflictError, Events, NotFoundError, requireAuthenticated } from '@daena/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { assertMayControl, nextStatus, type ControlAction } from '../domain/agent-control.js';
import type { AgentRecord } from '../../organization/store/entities.js';
import { announceStateWrite } from './agent-state-resolver.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent } from '../../organization/schema/types.js';

@Resolver(() => Agent)
export class AgentControlResolver {
  @Mutation(() => Agent, {
    description: 'Pause an agent (admins and its department lead). `version` is the one you read.',
  })
  pauseAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Agent> {
    return controlAgent(ctx, id, version, 'pause');
  }

  @Mutation(() => Agent, { description: 'Resume a paused agent: it becomes IDLE.' })
  resumeAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Agent> {
    return controlAgent(ctx, id, version, 'resume');
  }

  @Query(() => Agent, {
    nullable: true,
    description:
      'Query twin of Subscription.agentActivity: the agent as its latest activity left it (used by the gateway bridge)',
  })
  agentActivity(
    @Ctx() ctx: AgentsContext,
    @Arg('agentId', () => ID) agentId: string,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
  ): Promise<Agent | null> {
    return ctx.loaders.agent.load(agentId);
  }

  @Subscription(() => Agent, {
    name: 'agentActivity',
    topics: Events.agentStatusChanged.type,
    description:
      'Every status change of an agent (of one department, if given); served by the gateway bridge',
  })
  agentActivitySubscription(
    @Root() agent: Agent,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
  ): Agent {
    return agent;
  }
}

/**
 * Authorize → transition → versioned write (through to the hot-state cache) → events; nothing is
 * written on any error.
 */
async function controlAgent(
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
