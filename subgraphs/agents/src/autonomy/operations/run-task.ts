import {
  DaenaError,
  requestConnection,
  type EventBus,
  type JobQueue,
  type Logger,
  type Principal,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgentStatus } from '../../organization/domain/organization.js';
import type { AgentRecord } from '../../organization/store/records.js';
import { OrganizationRepository } from '../../organization/store/organization-repository.js';
import type { RouterService } from '../../router/operations/router-service.js';
import type { AgentsContext } from '../../request/context.js';
import {
  approvalsFor,
  escalationProposal,
  nextStep,
  plan,
  StepKind,
  StepStatus,
  type NextStep,
  type StepRecord,
} from '../domain/run-steps.js';
import { toolTraits, Tool } from '../domain/run-tools.js';
import { outcomeQuality } from '../domain/outcome-quality.js';
import { isFinished, taskLimits, TaskStatus } from '../domain/task.js';
import { RunStatus, type RunRecord, type TaskRecord } from '../store/rows.js';
import { RunRepository, type StepResult } from '../store/run-repository.js';
import { TaskRepository } from '../store/task-repository.js';
import { ApprovalGateRepository } from '../store/approval-gate-repository.js';
import { waitsForNextDay, type BudgetLimits } from '../domain/budget.js';
import { AutonomyControlRepository } from '../store/autonomy-control-repository.js';
import { EscalationRefusedError, type DecisionsEscalation } from '../store/decisions-escalation.js';
import type { KnowledgeTools } from '../store/knowledge-tools.js';
import { agentToken } from './agent-token.js';
import { callTool } from './call-tool.js';
import { openProposalOnce } from './open-proposal-once.js';
import { deferForBudget, reserveCall } from './model-call-budget.js';

export interface RunTaskDependencies {
  /** A fresh EntityManager per job. */
  fork(): EntityManager;
  /** The request context an agent acts in (its tools are the API's own operations). */
  contextFor(principal: Principal, em: EntityManager): AgentsContext;
  router: RouterService;
  bus: EventBus;
  log: Logger;
  /** Who runs this worker (a run's lease names it). */
  owner: string;
  /** How long a claim lasts without a step; a dead worker's run is taken over after it. */
  leaseSeconds: number;
  /** Most output tokens one model call may ask for (bounds its cost before it is made). */
  maxOutputTokens: number;
  /** Where escalated tasks go: the decisions subgraph, called as the agent. */
  escalation: DecisionsEscalation;
  /** Signs the agent's own token for those calls. */
  jwtSecret: string;
  /**
   * Where the knowledge tools go: the knowledge subgraph, called as the agent. Absent, runs are
   * planned without them and a call to one is refused (`TOOL_UNAVAILABLE`).
   */
  knowledge?: KnowledgeTools | undefined;
  /** The run's and the daily budgets of model calls. */
  budgets: BudgetLimits;
  /** Where a run that waits for the next day's budget is queued again. */
  jobs: JobQueue;
  /** What time it is (which budget day a call counts on); the wall clock unless a test says. */
  clock?: () => Date;
}

/** The tools a run lacks when no knowledge subgraph is configured. */
const toolsNeedingKnowledge: ReadonlySet<Tool> = new Set(
  Object.values(Tool).filter((tool) => toolTraits[tool].needsKnowledge),
);

/** The run cannot go on now (its agent is busy or paused, another worker holds it): retry later. */
export class RunDeferredError extends Error {
  constructor(readonly why: string) {
    super(`task run deferred: ${why}`);
  }
}

/**
 * Runs a task's run to its end or its next wait, step by step (issue 15 §2): every step is
 * checkpointed (STARTED with its input) before it runs and finished (DONE or REFUSED with its
 * output) before the next starts. A worker that dies mid-run leaves the run's lease to lapse; the
 * job is retried, the next worker claims the run and continues from the checkpoints: a DONE step
 * is never run again, and a tool's effect is recorded in the transaction that makes it, so even a
 * STARTED one is not repeated.
 */
export async function runTask(deps: RunTaskDependencies, taskId: string): Promise<void> {
  const em = deps.fork();
  const sql = requestConnection(em);
  const tasks = new TaskRepository(sql);
  const organization = new OrganizationRepository(em);
  const runs = new RunRepository(em);
  const control = new AutonomyControlRepository(sql);
  const task = await tasks.byId(taskId);
  // A run parked at an approval gate goes on only once a person decided (that queues it again).
  if (!task || isFinished(task.status) || task.status === TaskStatus.WAITING_FOR_APPROVAL) return;
  const log = deps.log.child({ taskId, agentId: task.assigneeId });
  const agent = await organization.agentById(task.assigneeId);
  if (!agent) return;
  if (task.status === TaskStatus.WAITING_FOR_CONSENSUS) {
    if ((await settleConsensus(deps, runs, task)) !== 'ACCEPTED') return;
  }
  const department = await organization.departmentById(agent.departmentId);
  // Its job ends; resuming the agent queues the run again.
  if (agent.status === AgentStatus.PAUSED) return;
  if ((await control.read()).halted) throw new RunDeferredError('autonomy is halted');
  const claim = await runs.claim(task.id, agent.id, deps.owner, deps.leaseSeconds);
  if ('busy' in claim) throw new RunDeferredError(`the ${claim.busy} is busy`);
  const { run } = claim;
  const runLog = log.child({ runId: run.id });
  for (;;) {
    const current = await organization.agentById(agent.id);
    if (!current || current.retiredAt) {
      await runs.end(run, null, null, {
        runStatus: RunStatus.FAILED,
        taskStatus: TaskStatus.FAILED,
        errorCode: 'ASSIGNEE_RETIRED',
      });
      await publishTask(deps, task, TaskStatus.FAILED);
      return;
    }
    // The pause and the kill switch are honoured between steps: the run keeps its checkpoints
    // and waits. A paused agent's run lets its lease go and its job ends: resuming the agent
    // queues it again (the task worker, or the sweep).
    if (current.status === AgentStatus.PAUSED) {
      await runs.release(run.id, deps.owner);
      runLog.info('task run waits: the agent is paused');
      return;
    }
    if ((await control.read()).halted) throw new RunDeferredError('autonomy is halted');
    if (!(await runs.renew(run.id, deps.owner, deps.leaseSeconds))) {
      throw new RunDeferredError('another worker took the run over');
    }
    const steps = (await runs.steps(run.id)) as StepRecord[];
    const step = nextStep(agent.role, steps);
    const fresh = (await tasks.byId(task.id)) ?? task;
    // The lease is renewed while a step runs (a model call may outlast it), so only a worker that
    // died loses its run; another taking over a live call would make the call twice.
    const heartbeat = setInterval(
      () => {
        runs.renew(run.id, deps.owner, deps.leaseSeconds).catch((error: unknown) => {
          runLog.warn({ err: error }, 'lease not renewed');
        });
      },
      (deps.leaseSeconds * 1000) / 3,
    );
    let ended: Awaited<ReturnType<typeof takeStep>>;
    try {
      ended = await takeStep(deps, {
        em,
        runs,
        run,
        task: fresh,
        agent,
        step,
        departmentName: department?.name ?? '',
        departmentSlug: department?.slug ?? '',
      });
    } finally {
      clearInterval(heartbeat);
    }
    await deps.bus
      .publish(
        Events.runStepRecorded.create({
          runId: run.id,
          taskId: task.id,
          agentId: agent.id,
          departmentId: task.departmentId,
          seq: step.seq,
          kind: step.kind,
          status: ended.stepStatus,
        }),
      )
      .catch((error: unknown) => runLog.error({ err: error }, 'event not published'));
    if (ended.taskStatus) {
      runLog.info({ status: ended.taskStatus, steps: step.seq + 1 }, 'task run ended');
      await publishTask(deps, task, ended.taskStatus);
      if (ended.taskStatus === TaskStatus.DONE || ended.taskStatus === TaskStatus.FAILED) {
        await learnFromOutcome(deps, runs, run.id, ended.taskStatus, runLog);
      }
      return;
    }
  }
}

export interface StepContext {
  em: EntityManager;
  runs: RunRepository;
  run: RunRecord;
  task: TaskRecord;
  agent: AgentRecord;
  step: NextStep;
  departmentName: string;
  /** The agent's department as knowledge names it (its token's `department`). */
  departmentSlug: string;
}

/** Runs one step; says how it ended, and the task's status when the run stops with it. */
async function takeStep(deps: RunTaskDependencies, at: StepContext): Promise<StepEnd> {
  const { runs, run, step, task, agent } = at;
  await runs.startStep(run.id, step.seq, step.kind, step.input);
  const done = (result: Omit<StepResult, 'status'>) =>
    runs.finishStep(run.id, step.seq, { status: StepStatus.DONE, ...result });
  switch (step.kind) {
    case StepKind.PLAN: {
      const gates = await new ApprovalGateRepository(requestConnection(at.em)).gates();
      await done({
        output: {
          ...plan(
            { ...task, departmentName: at.departmentName },
            agent.role,
            deps.knowledge ? new Set() : toolsNeedingKnowledge,
          ),
          approvals: approvalsFor(task.kind, agent.role, gates),
        },
      });
      return { stepStatus: StepStatus.DONE };
    }
    case StepKind.WAIT_FOR_APPROVAL: {
      await runs.parkForApproval(run, step.seq, step.input);
      return { stepStatus: StepStatus.DONE, taskStatus: TaskStatus.WAITING_FOR_APPROVAL };
    }
    case StepKind.MODEL_CALL: {
      // The call's worst case is held against every budget first; one it would exceed is
      // recorded on this step and no call is made: a spent daily budget parks the run until the
      // next UTC day, any other stops it.
      const stop = await reserveCall(deps, at, step.input);
      if (stop) {
        return waitsForNextDay(stop)
          ? deferForBudget(deps, at, stop)
          : fail(at, stop.code, { ...stop });
      }
      const remaining = Math.max(0, task.budgetUsd - task.spentUsd);
      try {
        const { result, decision } = await deps.router.route(
          {
            text: step.input.user,
            context: step.input.system,
            temperature: 0,
            maxCostUsd: remaining,
            maxOutputTokens: deps.maxOutputTokens,
          },
          agent.id,
          // A worker that died after the call leaves its answer stored under this key.
          { idempotencyKey: `run-step:${run.id}:${step.seq}` },
        );
        if (!result) return fail(at, 'MODEL_NO_ANSWER', { decisionId: decision.id });
        await runs.finishModelCall(run.id, step.seq, {
          status: StepStatus.DONE,
          output: { text: result.text, model: result.model, decisionId: decision.id },
          model: result.model,
          tokens: result.inputTokens + result.outputTokens,
          costUsd: result.costUsd,
        });
        return { stepStatus: StepStatus.DONE };
      } catch (error) {
        // A typed refusal (no model within the budget, every model failed) ends the run.
        if (!(error instanceof DaenaError)) throw error;
        return fail(at, error.reason ?? error.code, { message: error.message });
      }
    }
    case StepKind.TOOL_CALL: {
      const proposed = step.input;
      if ('refused' in proposed) {
        await runs.finishStep(run.id, step.seq, {
          status: StepStatus.REFUSED,
          output: { refused: proposed.refused },
          errorCode: proposed.code,
        });
        return { stepStatus: StepStatus.REFUSED };
      }
      // A read changes nothing: doing it again (a follow-up looking up what its parent did) is no
      // circle of effects, and a run's model calls are bounded anyway.
      if (toolTraits[proposed.action.tool].reads) {
        return { stepStatus: await callTool(deps, at, proposed.action) };
      }
      // The same action done before by a run of this task or of a task it follows up: the agent
      // is going round in circles; the run stops here instead of doing it again.
      const lineage = [
        task.id,
        ...(task.parentId
          ? await new TaskRepository(requestConnection(at.em)).ancestors(
              task.parentId,
              taskLimits.depthMax,
            )
          : []),
      ];
      const before = await runs.actionDoneBefore(lineage, proposed, {
        runId: run.id,
        seq: step.seq,
      });
      if (before) {
        return fail(at, 'REPEATED_ACTION', {
          refused: 'the same action was done before by a run of this task or its parents',
          ...before,
        });
      }
      return { stepStatus: await callTool(deps, at, proposed.action) };
    }
    case StepKind.WAIT_FOR_CONSENSUS: {
      let proposalId: string;
      try {
        proposalId = await openProposal(deps, at, step.input.reason);
      } catch (error) {
        if (!(error instanceof EscalationRefusedError)) throw error;
        return fail(at, error.reason ?? error.code, { message: error.message });
      }
      await runs.park(run, step.seq, { ...step.input, proposalId });
      return { stepStatus: StepStatus.DONE, taskStatus: TaskStatus.WAITING_FOR_CONSENSUS };
    }
    case StepKind.COMPLETE: {
      await runs.end(
        run,
        step.seq,
        { status: StepStatus.DONE, output: step.input },
        { runStatus: RunStatus.SUCCEEDED, taskStatus: TaskStatus.DONE, result: step.input.summary },
      );
      return { stepStatus: StepStatus.DONE, taskStatus: TaskStatus.DONE };
    }
  }
}

/** The escalation: the task's proposal, opened once per step as the agent. */
async function openProposal(
  deps: RunTaskDependencies,
  at: StepContext,
  reason: string,
): Promise<string> {
  const { run, step, task, agent } = at;
  const proposal = escalationProposal(
    { ...task, departmentName: at.departmentName },
    agent.role,
    reason,
  );
  return openProposalOnce(
    at.em,
    deps.escalation,
    `${run.id}:${step.seq}`,
    { ...proposal, departmentId: task.departmentId },
    await agentToken(deps.jwtSecret, agent.id),
  );
}

/**
 * A waiting run's proposal: still open, the run keeps waiting; accepted, its outcome is recorded
 * on the wait step and the run goes on; any other outcome ends the run and fails the task.
 */
async function settleConsensus(
  deps: RunTaskDependencies,
  runs: RunRepository,
  task: TaskRecord,
): Promise<string | null> {
  const waiting = await runs.waiting(task.id);
  if (!waiting) return null;
  const status = await deps.escalation.status(
    waiting.proposalId,
    await agentToken(deps.jwtSecret, task.assigneeId),
  );
  if (status === null || status === 'DRAFT' || status === 'OPEN') return null;
  await runs.recordOutcome(waiting.run.id, waiting.seq, status);
  if (status === 'ACCEPTED') return status;
  await runs.end(waiting.run, null, null, {
    runStatus: RunStatus.FAILED,
    taskStatus: TaskStatus.FAILED,
    result: `CMP decided ${status} on proposal ${waiting.proposalId}`,
    errorCode: `CONSENSUS_${status}`,
  });
  await publishTask(deps, task, TaskStatus.FAILED);
  return status;
}

/**
 * Tells the router how the task its answer served turned out (`recordOutcome`, source `task`),
 * once per routed call. Best effort: a lost signal costs the router one observation, never the
 * task its result.
 */
async function learnFromOutcome(
  deps: RunTaskDependencies,
  runs: RunRepository,
  runId: string,
  status: typeof TaskStatus.DONE | typeof TaskStatus.FAILED,
  log: Logger,
): Promise<void> {
  const steps = await runs.steps(runId);
  const run = await runs.run(runId);
  const quality = outcomeQuality(steps, status, run?.errorCode ?? null);
  const call = steps.find(
    (step) => step.kind === StepKind.MODEL_CALL && step.status === StepStatus.DONE,
  );
  const decisionId = (call?.output as { decisionId?: string } | null)?.decisionId;
  if (quality === null || !decisionId) return;
  try {
    await deps.router.recordOutcome(decisionId, 'task', quality);
  } catch (error) {
    log.warn({ err: error, decisionId }, 'task outcome not recorded with the router');
  }
}

/** How a step ended, and the task's status when the run stops (or waits) with it. */
export interface StepEnd {
  stepStatus: StepStatus;
  taskStatus?: TaskStatus;
}

async function fail(
  at: StepContext,
  code: string,
  output: Record<string, unknown>,
): Promise<{ stepStatus: StepStatus; taskStatus: TaskStatus }> {
  await at.runs.end(
    at.run,
    at.step.seq,
    { status: StepStatus.REFUSED, output, errorCode: code },
    { runStatus: RunStatus.FAILED, taskStatus: TaskStatus.FAILED, errorCode: code },
  );
  return { stepStatus: StepStatus.REFUSED, taskStatus: TaskStatus.FAILED };
}

async function publishTask(
  deps: Pick<RunTaskDependencies, 'bus' | 'log'>,
  task: TaskRecord,
  status: TaskStatus,
): Promise<void> {
  await deps.bus
    .publish(
      Events.taskUpdated.create({
        taskId: task.id,
        departmentId: task.departmentId,
        assigneeId: task.assigneeId,
        status,
      }),
    )
    .catch((error: unknown) =>
      deps.log.error({ err: error, taskId: task.id }, 'event not published'),
    );
}
