import { Events, Jobs } from '@daena/contracts';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  requestConnection,
  requireAuthenticated,
  Role,
  UnavailableError,
  type Principal,
} from '@daena/platform';
import type { Knex } from '@mikro-orm/postgresql';
import type { AgentsContext } from '../../request/context.js';
import { ApprovalDecision, StepKind, type ApprovalOutcome } from '../domain/run-steps.js';
import { TaskStatus } from '../domain/task.js';
import { RunStatus, type RunStepRecord } from '../store/rows.js';
import { RunRepository } from '../store/run-repository.js';
import { TaskRepository } from '../store/task-repository.js';
import { runJob } from './create-task.js';

const reasonMax = 500;

/** A step's public id: its run and its place in the run. */
export function stepId(runId: string, seq: number): string {
  return `${runId}:${seq}`;
}

/**
 * A person decides on a run parked at an approval gate (issue 15 §5), from any request after the
 * run parked: the department's lead or an executive (or an admin). The decision, who made it,
 * when and why are written into the gate's step; approved, the run is queued again in the same
 * transaction and goes on from its checkpoints; rejected, it ends and its task fails with
 * `APPROVAL_REJECTED`. Anything wrong (unknown ids, no right, a step not waiting, no reason) is a
 * typed error and writes nothing.
 */
export async function decideApproval(
  ctx: AgentsContext,
  input: { runId: string; stepId: string; reason: string },
  decision: ApprovalDecision,
): Promise<RunStepRecord> {
  requireAuthenticated(ctx.principal);
  const jobs = ctx.jobs;
  if (!jobs) {
    throw new UnavailableError(
      'Approvals need the job queue, which this service runs without',
      'JOBS_UNAVAILABLE',
    );
  }
  const seq = seqOf(input.runId, input.stepId);
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > reasonMax) {
    throw new BadInputError(
      `a decision needs a reason of 1–${reasonMax} characters`,
      'APPROVAL_REASON_REQUIRED',
    );
  }
  const decided = await ctx.em.transactional(async (tx) => {
    const sql = requestConnection(tx);
    const runs = new RunRepository(tx);
    const run = await runs.lockRun(input.runId);
    if (!run) throw new NotFoundError('AgentRun', input.runId);
    const step = await runs.step(run.id, seq);
    if (!step) throw new NotFoundError('RunStep', input.stepId);
    const task = await new TaskRepository(sql).byId(run.taskId);
    if (!task) throw new NotFoundError('Task', run.taskId);
    const department = await ctx.organization.departmentById(task.departmentId);
    assertMayApprove(ctx.principal, department?.slug ?? null);
    const outcome = step.output as ApprovalOutcome | null;
    if (
      step.kind !== StepKind.WAIT_FOR_APPROVAL ||
      run.status !== RunStatus.WAITING_FOR_APPROVAL ||
      outcome?.decision !== undefined
    ) {
      throw new ConflictError('This step is not waiting for approval', 'STEP_NOT_WAITING', {
        runId: run.id,
        stepId: input.stepId,
        kind: step.kind,
        runStatus: run.status,
      });
    }
    const audit = {
      decision,
      decidedBy: ctx.principal.sub ?? 'unknown',
      decidedAt: new Date().toISOString(),
      reason,
    };
    await runs.recordApproval(run.id, seq, audit);
    if (decision === ApprovalDecision.APPROVED) {
      await sql.rows(`update agents.tasks set status = ?, updated_at = now() where id = ?`, [
        TaskStatus.QUEUED,
        task.id,
      ]);
      await jobs.send(
        Jobs.taskRun,
        { taskId: task.id },
        {
          singletonKey: task.id,
          ...runJob,
          transaction: tx.getTransactionContext<Knex.Transaction>(),
        },
      );
    } else {
      await runs.endIn(sql, run, {
        runStatus: RunStatus.FAILED,
        taskStatus: TaskStatus.FAILED,
        errorCode: 'APPROVAL_REJECTED',
        result: `${audit.decidedBy} rejected ${outcome?.gate ?? 'the gate'} ${outcome?.name ?? ''}: ${reason}`,
      });
    }
    const status = decision === ApprovalDecision.APPROVED ? TaskStatus.QUEUED : TaskStatus.FAILED;
    return { task, status, step: await runs.step(run.id, seq) };
  });
  await ctx.publish(
    Events.taskUpdated.create({
      taskId: decided.task.id,
      departmentId: decided.task.departmentId,
      assigneeId: decided.task.assigneeId,
      status: decided.status,
    }),
  );
  if (!decided.step) throw new Error('the decided step is gone');
  return decided.step;
}

/** `<runId>:<seq>` of this run, or NOT_FOUND. */
function seqOf(runId: string, id: string): number {
  const [run, seq, ...rest] = id.split(':');
  const number = Number(seq);
  if (
    !isUuid(runId) ||
    run !== runId ||
    rest.length > 0 ||
    !Number.isInteger(number) ||
    number < 0
  ) {
    throw new NotFoundError('RunStep', id);
  }
  return number;
}

/** Executives and admins anywhere; a department lead in their own department. */
function assertMayApprove(principal: Principal, departmentSlug: string | null): void {
  const roles = principal.roles;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.EXECUTIVE)) return;
  if (
    roles.includes(Role.DEPARTMENT_LEAD) &&
    departmentSlug !== null &&
    principal.department === departmentSlug
  ) {
    return;
  }
  throw new ForbiddenError(
    'Approving a step takes an executive or the lead of the task’s department',
    'APPROVAL_FORBIDDEN',
  );
}
