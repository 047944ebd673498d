import { NotFoundError } from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  planStateChange,
  validateStateReport,
  type AgentStateReport,
} from '../domain/agent-state.js';
import type { AgentRecord } from '../../organization/store/records.js';
import type { AgentStateWrite } from '../store/agent-state-repository.js';
import type { AgentsContext } from '../../request/context.js';

/** An agent runtime's report (the caller has authorized it): validate → write through → events. */
export async function reportAgentState(
  ctx: AgentsContext,
  agentId: string,
  input: AgentStateReport,
): Promise<AgentRecord> {
  validateStateReport(input);
  const write = await ctx.agentState.report(agentId, (current) => planStateChange(current, input));
  if (!write) throw new NotFoundError('Agent', agentId);
  await announceStateWrite(ctx, write);
  const agent = await ctx.loaders.agent.load(agentId);
  if (!agent) throw new NotFoundError('Agent', agentId);
  return agent;
}

/**
 * What follows every committed hot-state write (reports, pause, resume): the rest of this request
 * reads the written state, and subscribers hear of it (a status event only when it changed, which
 * is what `agentActivity` streams).
 */
export async function announceStateWrite(ctx: AgentsContext, write: AgentStateWrite) {
  const { state, departmentId, previousStatus } = write;
  ctx.loaders.agentState.clear(state.id).prime(state.id, state);
  const agentId = state.id;
  if (state.status !== previousStatus) {
    await ctx.publish(
      Events.agentStatusChanged.create({
        agentId,
        departmentId,
        status: state.status,
        previousStatus,
      }),
    );
  }
  await ctx.publish(
    Events.agentStateChanged.create({
      agentId,
      departmentId,
      status: state.status,
      currentTask: state.currentTask,
      load: state.load,
      budgetUsedUsd: state.budgetUsedUsd,
    }),
  );
}
