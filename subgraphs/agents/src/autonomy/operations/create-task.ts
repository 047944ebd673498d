import { randomUUID } from 'node:crypto';
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
import { Events, Jobs } from '@daena/contracts';
import type { Knex } from '@mikro-orm/postgresql';
import type { AgentsContext } from '../../request/context.js';
import { assignable, canDo, chooseAssignee } from '../domain/assignment.js';
import {
  checkParentChain,
  checkTaskDraft,
  taskLimits,
  TaskSource,
  type TaskDraft,
} from '../domain/task.js';
import type { TaskRecord } from '../store/rows.js';
import { TaskRepository } from '../store/task-repository.js';
import { ScanRepository } from '../store/scan-repository.js';

export interface CreateTaskRequest extends TaskDraft {
  /** An agent to give it to; left out, the department's best capable agent takes it. */
  assigneeId: string | null;
  /** What an agent's scan found it in: one task per source (a second is TASK_SOURCE_TAKEN). */
  sourceRef?: string | null;
}

/** Attempts of a task's run job: a busy agent or a lost lease retries with backoff. */
export const runAttempts = 50;

/**
 * How a task's run job is queued: `runAttempts` tries, and a heartbeat, so the job of a worker
 * killed mid-run is retried within about half a minute (pg-boss's monitor), not after the
 * queue's 15-minute expiry; the run's lease keeps a live run from being taken over.
 */
export const runJob = { retryLimit: runAttempts, heartbeatSeconds: 30 } as const;

/**
 * A person creates a task (or an agent, for a follow-up): authorize → check → assign → one
 * transaction (the task and its run job commit together) → event. Nothing is written when any
 * check fails.
 */
export async function createTask(
  ctx: AgentsContext,
  request: CreateTaskRequest,
  source: TaskSource = TaskSource.PERSON,
  now = new Date(),
): Promise<TaskRecord> {
  requireAuthenticated(ctx.principal);
  const jobs = ctx.jobs;
  if (!jobs) {
    throw new UnavailableError(
      'Tasks need the job queue, which this service runs without',
      'JOBS_UNAVAILABLE',
    );
  }
  const draft = checkTaskDraft(request, now);
  if (!isUuid(draft.departmentId)) throw unknownDepartment(draft.departmentId);
  const department = await ctx.organization.departmentById(draft.departmentId);
  if (!department || department.retiredAt) throw unknownDepartment(draft.departmentId);
  assertMayCreate(ctx.principal, department.slug, source);
  const id = randomUUID();
  const tasks = new TaskRepository(requestConnection(ctx.em));
  if (draft.parentId !== null) {
    const parent = isUuid(draft.parentId) ? await tasks.byId(draft.parentId) : null;
    if (!parent) throw new NotFoundError('Task', draft.parentId);
    checkParentChain(id, await tasks.ancestors(parent.id, taskLimits.depthMax));
  }
  const assigneeId = await pickAssignee(ctx, tasks, draft, request.assigneeId);
  const sourceRef = request.sourceRef ?? null;
  const task = await ctx.em.transactional(async (tx) => {
    const sql = requestConnection(tx);
    if (sourceRef !== null) {
      // Two scans of one source queue here; the second finds the first's task.
      await sql.rows('select pg_advisory_xact_lock(hashtext(?))', [
        `daena:task-source:${sourceRef}`,
      ]);
      if (await new ScanRepository(sql).taken(sourceRef)) {
        throw new ConflictError('A task came from this source already', 'TASK_SOURCE_TAKEN', {
          sourceRef,
        });
      }
    }
    const written = await new TaskRepository(sql).insert({
      ...draft,
      id,
      assigneeId,
      source,
      sourceRef,
      createdBy: ctx.principal.sub ?? 'unknown',
    });
    await jobs.send(
      Jobs.taskRun,
      { taskId: id },
      {
        singletonKey: id,
        ...runJob,
        transaction: tx.getTransactionContext<Knex.Transaction>(),
      },
    );
    return written;
  });
  await ctx.publish(
    Events.taskUpdated.create({
      taskId: task.id,
      departmentId: task.departmentId,
      assigneeId: task.assigneeId,
      status: task.status,
    }),
  );
  return task;
}

/** Admins and executives anywhere, a department lead in their department, an agent its follow-ups. */
function assertMayCreate(principal: Principal, departmentSlug: string, source: TaskSource): void {
  const roles = principal.roles;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.EXECUTIVE)) return;
  if (roles.includes(Role.DEPARTMENT_LEAD) && principal.department === departmentSlug) return;
  if (roles.includes(Role.AGENT) && source !== TaskSource.PERSON) return;
  throw new ForbiddenError(
    'Creating a task takes an admin, an executive, or the department’s lead',
    'TASK_CREATE_FORBIDDEN',
  );
}

async function pickAssignee(
  ctx: AgentsContext,
  tasks: TaskRepository,
  draft: TaskDraft,
  requested: string | null,
): Promise<string> {
  if (requested !== null) {
    const agent = isUuid(requested) ? await ctx.organization.agentById(requested) : null;
    if (!agent || agent.departmentId !== draft.departmentId) {
      throw new NotFoundError('Agent', requested);
    }
    if (!assignable(agent)) {
      throw new ConflictError(
        `${agent.name} is ${agent.retiredAt ? 'retired' : 'paused'} and takes no tasks`,
        'ASSIGNEE_UNAVAILABLE',
      );
    }
    if (!canDo(agent.role, draft.requiredCapabilities)) {
      throw new BadInputError(
        `${agent.name} lacks ${draft.requiredCapabilities.join(', ')}`,
        'ASSIGNEE_INCAPABLE',
      );
    }
    return agent.id;
  }
  const agents = await ctx.organization.listAgents({ departmentId: draft.departmentId });
  const open = await tasks.openCounts(agents.map((agent) => agent.id));
  const chosen = chooseAssignee(
    draft.requiredCapabilities,
    agents.map((agent) => ({ ...agent, openTasks: open.get(agent.id) ?? 0 })),
  );
  if (!chosen) {
    throw new ConflictError(
      `No available agent of the department can do ${draft.requiredCapabilities.join(', ') || 'it'}`,
      'NO_CAPABLE_AGENT',
    );
  }
  return chosen.id;
}

function unknownDepartment(id: string): NotFoundError {
  return new NotFoundError('Department', id);
}
