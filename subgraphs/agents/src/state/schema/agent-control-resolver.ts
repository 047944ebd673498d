import { Events } from '@daena/contracts';
import { BusSubscription } from '@daena/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { controlAgent } from '../operations/control-agent.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent } from '../../organization/schema/types.js';

@Resolver(() => Agent)
export class AgentControlResolver {
  /* jscpd:ignore-start: pause and resume take the same arguments */
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
  /* jscpd:ignore-end */

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

  @BusSubscription(() => Agent, {
    name: 'agentActivity',
    description:
      'Every status change of an agent (of one department, if given); served by the gateway bridge',
    event: Events.agentStatusChanged,
    twin: 'agentActivity',
    filter: { departmentId: 'departmentId' },
    twinArguments: { agentId: 'agentId' },
    // The twin and every Agent/Department field check nothing about the caller.
    visibility: 'sameForEveryone',
  })
  agentActivitySubscription(
    @Root() agent: Agent,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
  ): Agent {
    return agent;
  }
}
