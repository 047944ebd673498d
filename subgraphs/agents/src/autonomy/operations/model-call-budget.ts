import { requestConnection } from '@daena/platform';
import { Jobs } from '@daena/contracts';
import type { Knex } from '@mikro-orm/postgresql';
import { budgetDay, modelCallBound, nextBudgetDay, type BudgetStop } from '../domain/budget.js';
import { StepStatus } from '../domain/run-steps.js';
import { TaskStatus } from '../domain/task.js';
import { BudgetRepository } from '../store/budget-repository.js';
import { runJob } from './create-task.js';
import type { RunTaskDependencies, StepContext, StepEnd } from './run-task.js';

const now = (deps: Pick<RunTaskDependencies, 'clock'>): Date => deps.clock?.() ?? new Date();

/** Holds the model call's worst case against the run's, agent's and department's budgets. */
export async function reserveCall(
  deps: RunTaskDependencies,
  at: StepContext,
  prompt: { system: string; user: string },
): Promise<BudgetStop | null> {
  const prices = deps.router
    .models()
    .filter((model) => model.spec.enabled)
    .map((model) => model.spec);
  const bound = modelCallBound(
    { text: prompt.user, context: prompt.system },
    deps.maxOutputTokens,
    prices,
  );
  return at.em.transactional((tx) =>
    new BudgetRepository(requestConnection(tx)).reserve(
      {
        runId: at.run.id,
        seq: at.step.seq,
        taskId: at.task.id,
        agentId: at.agent.id,
        departmentId: at.task.departmentId,
        day: budgetDay(now(deps)),
        bound,
      },
      deps.budgets,
    ),
  );
}

/**
 * A daily budget is spent: the run waits for the next UTC day instead of failing. Its checkpoints
 * stay, the refusal is recorded on the model call's step, the lease goes, and the task's job is
 * queued to start at midnight, all in one transaction; that job resumes the run at the call.
 * Its key names the day, so a run deferred again the next day gets a job of its own.
 */
export async function deferForBudget(
  deps: RunTaskDependencies,
  at: StepContext,
  stop: BudgetStop,
): Promise<StepEnd> {
  const until = nextBudgetDay(now(deps));
  await at.runs.deferForBudget(at.run, at.step.seq, { ...stop, until: until.toISOString() }, (tx) =>
    deps.jobs.send(
      Jobs.taskRun,
      { taskId: at.task.id },
      {
        singletonKey: `${at.task.id}:budget:${budgetDay(until)}`,
        startAfter: until,
        ...runJob,
        transaction: tx.getTransactionContext<Knex.Transaction>(),
      },
    ),
  );
  deps.log.info(
    { taskId: at.task.id, runId: at.run.id, code: stop.code, until: until.toISOString() },
    'task run waits for the next budget day',
  );
  return { stepStatus: StepStatus.STARTED, taskStatus: TaskStatus.WAITING_FOR_BUDGET };
}
