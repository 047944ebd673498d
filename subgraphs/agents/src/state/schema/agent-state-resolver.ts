import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { assertMayReport } from '../domain/agent-state.js';
import { AgentStatus } from '../../organization/domain/organization.js';
import { reportAgentState } from '../operations/report-agent-state.js';
import { stateUpdatedAt } from '../store/agent-state-repository.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent } from '../../organization/schema/types.js';

@InputType({ description: "An agent runtime's report: fields left out stay as they are" })
export class AgentStateReportInput {
  @Field(() => AgentStatus, {
    nullable: true,
    description: 'IDLE, WORKING, WAITING_FOR_CONSENSUS or ERROR (pauseAgent pauses)',
  })
  status?: AgentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'The task in hand (at most 500 characters); null clears it',
  })
  currentTask?: string | null;

  @Field(() => Float, { nullable: true, description: 'The share of capacity in use, 0 to 1' })
  load?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'US dollars spent since the last report: added to budgetUsedUsd',
  })
  spentUsd?: number | null;
}

/** The hot-state fields of Agent (served cache-first) and the agent runtime's report. */
@Resolver(() => Agent)
export class AgentStateResolver {
  @Mutation(() => Agent, {
    description: 'Report what an agent is doing (admins, and the agent itself with role agent)',
  })
  async reportAgentState(
    @Ctx() ctx: AgentsContext,
    @Arg('agentId', () => ID) agentId: string,
    @Arg('input', () => AgentStateReportInput) input: AgentStateReportInput,
  ): Promise<Agent> {
    assertMayReport(ctx.principal, agentId);
    return reportAgentState(ctx, agentId, input);
  }

  @FieldResolver(() => AgentStatus)
  status(@Root() agent: Agent, @Ctx() ctx: AgentsContext): MaybePromise<AgentStatus> {
    return ctx.loaders.placed.has(agent) ? agent.status : hotState(agent, ctx, 'status');
  }

  @FieldResolver(() => String, { nullable: true })
  currentTask(@Root() agent: Agent, @Ctx() ctx: AgentsContext): MaybePromise<string | null> {
    return ctx.loaders.placed.has(agent) ? agent.currentTask : hotState(agent, ctx, 'currentTask');
  }

  @FieldResolver(() => Float)
  load(@Root() agent: Agent, @Ctx() ctx: AgentsContext): MaybePromise<number> {
    return ctx.loaders.placed.has(agent) ? agent.load : hotState(agent, ctx, 'load');
  }

  @FieldResolver(() => Float)
  budgetUsedUsd(@Root() agent: Agent, @Ctx() ctx: AgentsContext): MaybePromise<number> {
    return ctx.loaders.placed.has(agent)
      ? agent.budgetUsedUsd
      : hotState(agent, ctx, 'budgetUsedUsd');
  }

  @FieldResolver(() => Date, { nullable: true })
  async stateUpdatedAt(@Root() agent: Agent, @Ctx() ctx: AgentsContext): Promise<Date | null> {
    const state = await ctx.loaders.agentState.load(agent.id);
    return state ? stateUpdatedAt(state) : agent.stateUpdatedAt;
  }
}

type MaybePromise<T> = T | Promise<T>;
type HotField = 'status' | 'currentTask' | 'load' | 'budgetUsedUsd';

/**
 * One loader call per field, one batch per request (agents read by department skip it: their row
 * came with their state). The row stands in only if the state is gone (the row vanished since).
 */
async function hotState<K extends HotField>(
  agent: Agent,
  ctx: AgentsContext,
  field: K,
): Promise<Pick<Agent, HotField>[K]> {
  const state: Pick<Agent, HotField> = (await ctx.loaders.agentState.load(agent.id)) ?? agent;
  return state[field];
}
