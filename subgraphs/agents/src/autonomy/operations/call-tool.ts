import { requestConnection, Role, type DomainEvent, type Principal } from '@daena/platform';
import { sendMessage } from '../../messaging/operations/send-message.js';
import type { AgentsContext } from '../../request/context.js';
import { StepStatus } from '../domain/run-steps.js';
import { Tool, type Action, type ToolArgs } from '../domain/run-tools.js';
import { TaskSource } from '../domain/task.js';
import { EscalationRefusedError } from '../store/decisions-escalation.js';
import { KnowledgeRefusedError, type KnowledgeTools } from '../store/knowledge-tools.js';
import { effectOnce, finishStepIn } from '../store/run-repository.js';
import { agentToken } from './agent-token.js';
import { createTask } from './create-task.js';
import { openProposalOnce } from './open-proposal-once.js';
import type { RunTaskDependencies, StepContext } from './run-task.js';

/**
 * Runs one tool call of a run (issue 15 §3) and finishes its step. Reads (knowledge search and
 * read) run again on a resumed step and put their result in the step's output, for the next model
 * call; every other tool's effect is made at most once under the step's idempotency key
 * (`run:seq`). A call the owning subgraph refuses (bad input, not allowed) finishes the step
 * REFUSED with its reason; one it cannot answer now throws, and the job tries the step again.
 */
export async function callTool(
  deps: RunTaskDependencies,
  at: StepContext,
  action: Action,
): Promise<StepStatus> {
  try {
    switch (action.tool) {
      case Tool.SEND_MESSAGE:
      case Tool.CREATE_TASK:
        await effectInProcess(deps, at, action);
        return StepStatus.DONE;
      case Tool.OPEN_PROPOSAL:
        return await openProposalTool(deps, at, action.args);
      case Tool.SEARCH_KNOWLEDGE:
      case Tool.READ_KNOWLEDGE:
      case Tool.WRITE_KNOWLEDGE:
        return await knowledgeTool(deps, at, action);
    }
  } catch (error) {
    if (!(error instanceof KnowledgeRefusedError || error instanceof EscalationRefusedError)) {
      throw error;
    }
    return refuse(at, error.reason ?? error.code, error.message);
  }
}

async function refuse(at: StepContext, code: string, why: string): Promise<StepStatus> {
  await at.runs.finishStep(at.run.id, at.step.seq, {
    status: StepStatus.REFUSED,
    output: { refused: why },
    errorCode: code,
  });
  return StepStatus.REFUSED;
}

const keyOf = (at: StepContext) => `${at.run.id}:${at.step.seq}`;

/**
 * The knowledge tools, as the agent (its department's access rules). A write is recorded with its
 * step in one transaction, and knowledge is given the step's key as well: a worker that died
 * after knowledge committed, before the record did, sends the create again and gets the first
 * entry back, not a second one.
 */
async function knowledgeTool(
  deps: RunTaskDependencies,
  at: StepContext,
  action: Extract<Action, { tool: 'search_knowledge' | 'read_knowledge' | 'write_knowledge' }>,
): Promise<StepStatus> {
  const { knowledge } = deps;
  // A run planned while knowledge was configured, resumed on a worker without it.
  if (!knowledge) return refuse(at, 'TOOL_UNAVAILABLE', `${action.tool} is not configured here`);
  const { run, step, agent, task } = at;
  const token = await agentToken(deps.jwtSecret, agent.id, at.departmentSlug);
  const done = (output: unknown) =>
    at.runs.finishStep(run.id, step.seq, { status: StepStatus.DONE, output });
  if (action.tool === Tool.SEARCH_KNOWLEDGE) {
    await done({ entries: await knowledge.search(action.args.query, action.args.limit, token) });
    return StepStatus.DONE;
  }
  if (action.tool === Tool.READ_KNOWLEDGE) {
    // Absent and not readable look the same to the agent, as they do to anyone.
    await done({ entry: await knowledge.read(action.args.entryId, token) });
    return StepStatus.DONE;
  }
  await at.em.transactional(async (tx) => {
    const sql = requestConnection(tx);
    const { effect } = await effectOnce(sql, keyOf(at), action.tool, action.args, () =>
      write(knowledge, action.args, at, token),
    );
    await finishStepIn(sql, run.id, step.seq, { status: StepStatus.DONE, output: effect });
  });
  deps.log.info({ taskId: task.id, runId: run.id, seq: step.seq }, 'agent wrote knowledge');
  return StepStatus.DONE;
}

function write(
  knowledge: KnowledgeTools,
  args: ToolArgs['write_knowledge'],
  at: StepContext,
  token: string,
): Promise<{ entryId: string }> {
  return knowledge.write(
    {
      ...args,
      departmentSlug: at.departmentSlug,
      sharedWithDepartments: [],
      authorAgentId: at.agent.id,
      source: `Daena task ${at.task.id}`,
      idempotencyKey: `daena-run-step:${keyOf(at)}`,
    },
    token,
  );
}

/** A proposal the agent opens as itself; unlike an escalation, the run goes on at once. */
async function openProposalTool(
  deps: RunTaskDependencies,
  at: StepContext,
  args: ToolArgs['open_proposal'],
): Promise<StepStatus> {
  const token = await agentToken(deps.jwtSecret, at.agent.id);
  const proposalId = await openProposalOnce(
    at.em,
    deps.escalation,
    keyOf(at),
    { ...args, stakeholderImpact: 0.5, departmentId: at.task.departmentId },
    token,
  );
  await at.runs.finishStep(at.run.id, at.step.seq, {
    status: StepStatus.DONE,
    output: { proposalId },
  });
  return StepStatus.DONE;
}

/**
 * A tool of this service, exactly once: the effect (the API's own operation, acting as the agent),
 * its record under the step's idempotency key, and the step's checkpoint commit together; the
 * events the operation raised go out after the commit.
 */
async function effectInProcess(
  deps: RunTaskDependencies,
  at: StepContext,
  action: Extract<Action, { tool: 'send_message' | 'create_task' }>,
): Promise<void> {
  const { run, step, agent, task } = at;
  const pending: DomainEvent[] = [];
  const principal: Principal = {
    sub: agent.id,
    roles: [Role.AGENT],
    department: null,
    token: null,
  };
  await at.em.transactional(async (tx) => {
    const sql = requestConnection(tx);
    const ctx: AgentsContext = {
      ...deps.contextFor(principal, tx),
      publish: async (event) => {
        pending.push(event);
      },
    };
    const { effect } = await effectOnce(sql, keyOf(at), action.tool, action.args, async () => {
      if (action.tool === Tool.SEND_MESSAGE) {
        const message = await sendMessage(ctx, { fromAgentId: agent.id, ...action.args });
        return { messageId: message.id };
      }
      const remaining = Math.max(0, task.budgetUsd - task.spentUsd);
      const followUp = await createTask(
        ctx,
        {
          ...action.args,
          // A follow-up is work of its parent's kind: it passes the same approval gates.
          kind: task.kind,
          priority: 3,
          departmentId: task.departmentId,
          budgetUsd: Math.min(remaining, task.budgetUsd / 2),
          deadline: null,
          parentId: task.id,
          assigneeId: null,
        },
        TaskSource.FOLLOW_UP,
      );
      return { taskId: followUp.id };
    });
    await finishStepIn(sql, run.id, step.seq, { status: StepStatus.DONE, output: effect });
  });
  for (const event of pending) {
    await deps.bus.publish(event).catch((error: unknown) => {
      deps.log.error({ err: error, type: event.type }, 'event not published');
    });
  }
}
