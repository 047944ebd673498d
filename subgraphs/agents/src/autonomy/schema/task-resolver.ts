import {
  BusSubscription,
  NotFoundError,
  requestConnection,
  requireAuthenticated,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '@daena/platform';
import { Agent, Department } from '../../organization/schema/types.js';
import type { AgentsContext } from '../../request/context.js';
import { createTask } from '../operations/create-task.js';
import { TaskStatus } from '../domain/task.js';
import type { RunRecord, RunStepRecord, TaskRecord } from '../store/rows.js';
import { RunRepository } from '../store/run-repository.js';
import { TaskRepository } from '../store/task-repository.js';
import { AgentRun, AutonomyControl, CreateTaskInput, RunStep, Task } from './task-types.js';
import { setAutonomyHalted } from '../operations/autonomy-control.js';
import { readScopeOf } from '../operations/task-read-scope.js';
import { assertMayReadTasksOf, mayReadTasksOf } from '../domain/task-access.js';
import {
  AutonomyControlRepository,
  type AutonomyControl as ControlRecord,
} from '../store/autonomy-control-repository.js';

/** Most tasks one list returns. */
const listMax = 100;

/** Tasks and their runs (issue 15): create work, follow it, read every step it took. */
@Resolver(() => Task)
export class TaskResolver {
  @Mutation(() => Task, {
    description:
      'Create a task (admins, executives, the department’s lead); the capable agent with the least work takes it',
  })
  createTask(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => CreateTaskInput) input: CreateTaskInput,
  ): Promise<TaskRecord> {
    return createTask(ctx, {
      ...input,
      assigneeId: input.assigneeId ?? null,
      deadline: input.deadline ?? null,
      parentId: input.parentId ?? null,
    });
  }

  @Query(() => Task, {
    nullable: true,
    description: 'A task (admins, executives, its department’s lead and members)',
  })
  task(@Ctx() ctx: AgentsContext, @Arg('id', () => ID) id: string): Promise<TaskRecord | null> {
    return readableTask(ctx, id);
  }

  @Query(() => [Task], {
    description:
      'Tasks, newest first: of every department for admins and executives, else of the caller’s',
  })
  async tasks(
    @Ctx() ctx: AgentsContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('assigneeId', () => ID, { nullable: true }) assigneeId?: string,
    @Arg('status', () => TaskStatus, { nullable: true }) status?: TaskStatus,
    @Arg('first', () => Int, { defaultValue: 20, description: `1 to ${listMax}` }) first = 20,
  ): Promise<TaskRecord[]> {
    requireAuthenticated(ctx.principal);
    if (!Number.isInteger(first) || first < 1 || first > listMax) {
      throw new BadInputError(`first must be 1 to ${listMax}`, 'PAGE_SIZE_INVALID');
    }
    const scope = await readScopeOf(ctx);
    const departmentIds = scope.every ? undefined : [...scope.departmentIds];
    // An argument given as null filters nothing, as one left out.
    return tasks(ctx).list(
      {
        departmentId: departmentId ?? undefined,
        departmentIds,
        assigneeId: assigneeId ?? undefined,
        status: status ?? undefined,
      },
      first,
    );
  }

  @Query(() => AutonomyControl, { description: 'Whether the agents may act (the kill switch)' })
  autonomy(@Ctx() ctx: AgentsContext): Promise<ControlRecord> {
    requireAuthenticated(ctx.principal);
    return new AutonomyControlRepository(requestConnection(ctx.em)).read();
  }

  @Mutation(() => AutonomyControl, {
    description:
      'The kill switch (admins, executives): every run stops before its next step until resumed',
  })
  haltAutonomy(
    @Ctx() ctx: AgentsContext,
    @Arg('reason', () => String) reason: string,
  ): Promise<ControlRecord> {
    return setAutonomyHalted(ctx, true, reason);
  }

  @Mutation(() => AutonomyControl, {
    description: 'Lets the agents act again: halted runs go on from their checkpoints',
  })
  resumeAutonomy(@Ctx() ctx: AgentsContext): Promise<ControlRecord> {
    return setAutonomyHalted(ctx, false, null);
  }

  @Query(() => AgentRun, {
    nullable: true,
    description: 'A run and its trace (admins, executives, its department’s lead and members)',
  })
  async agentRun(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
  ): Promise<RunRecord | null> {
    requireAuthenticated(ctx.principal);
    const runs = new RunRepository(ctx.em);
    const run = await runs.run(id);
    if (!run) return null;
    await authorizeRun(ctx, runs, run.id);
    return run;
  }

  @Query(() => Task, {
    nullable: true,
    description:
      'Query twin of Subscription.taskUpdates: the task as its latest change left it (used by the gateway bridge)',
  })
  taskUpdates(
    @Ctx() ctx: AgentsContext,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
  ): Promise<TaskRecord | null> {
    return taskTwin(ctx, taskId);
  }

  @BusSubscription(() => Task, {
    name: 'taskUpdates',
    description:
      'Every change of a task’s state (of one department, if given); served by the gateway bridge',
    event: Events.taskUpdated,
    twin: 'taskUpdates',
    filter: { departmentId: 'departmentId' },
    twinArguments: { taskId: 'taskId' },
    // Read by department (task-access.ts): callers with the same roles and token department
    // share one execution; an agent, whose scope comes from a lookup of its own, keeps its own.
    visibility: 'byDepartment',
  })
  taskUpdatesSubscription(
    @Root() task: Task,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
  ): Task {
    return task;
  }

  @FieldResolver(() => Department)
  async department(@Root() task: TaskRecord, @Ctx() ctx: AgentsContext): Promise<Department> {
    const department = await ctx.loaders.department.load(task.departmentId);
    if (!department) throw new NotFoundError('Department', task.departmentId);
    return department;
  }

  @FieldResolver(() => Agent)
  async assignee(@Root() task: TaskRecord, @Ctx() ctx: AgentsContext): Promise<Agent> {
    const agent = await ctx.loaders.agent.load(task.assigneeId);
    if (!agent) throw new NotFoundError('Agent', task.assigneeId);
    return agent;
  }

  @FieldResolver(() => Task, {
    nullable: true,
    description: 'The task this one follows up (null when the caller may not read it)',
  })
  async parent(@Root() task: TaskRecord, @Ctx() ctx: AgentsContext): Promise<TaskRecord | null> {
    if (task.parentId === null) return null;
    const parent = await tasks(ctx).byId(task.parentId);
    return parent && mayReadTasksOf(await readScopeOf(ctx), parent.departmentId) ? parent : null;
  }

  @FieldResolver(() => [AgentRun], { description: 'Its runs, newest first' })
  runs(@Root() task: TaskRecord, @Ctx() ctx: AgentsContext): Promise<RunRecord[]> {
    return new RunRepository(ctx.em).runsOfTask(task.id);
  }
}

@Resolver(() => AgentRun)
export class AgentRunResolver {
  @Query(() => RunStep, {
    nullable: true,
    description:
      'Query twin of Subscription.runSteps: one step of a run as checkpointed (used by the gateway bridge)',
  })
  async runSteps(
    @Ctx() ctx: AgentsContext,
    @Arg('runId', () => ID) runId: string,
    @Arg('seq', () => Int) seq: number,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
    @Arg('agentId', () => ID, { nullable: true }) _agentId?: string,
  ): Promise<RunStepRecord | null> {
    requireAuthenticated(ctx.principal);
    const runs = new RunRepository(ctx.em);
    const step = await runs.step(runId, seq);
    if (!step) return null;
    // As taskUpdates: null for a subscriber outside the run's department, so it hears nothing.
    const departmentId = await runs.departmentOf(step.runId);
    return departmentId !== null && mayReadTasksOf(await readScopeOf(ctx), departmentId)
      ? step
      : null;
  }

  @BusSubscription(() => RunStep, {
    name: 'runSteps',
    description:
      'Every step agents take in their runs, as it is checkpointed (of one department or agent, if given)',
    event: Events.runStepRecorded,
    twin: 'runSteps',
    filter: { departmentId: 'departmentId', agentId: 'agentId' },
    twinArguments: { runId: 'runId', seq: 'seq' },
    // As taskUpdates: a step is read by its run's department (task-access.ts).
    visibility: 'byDepartment',
  })
  runStepsSubscription(
    @Root() step: RunStep,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
    @Arg('agentId', () => ID, { nullable: true }) _agentId?: string,
  ): RunStep {
    return step;
  }

  @FieldResolver(() => Task)
  async task(@Root() run: RunRecord, @Ctx() ctx: AgentsContext): Promise<TaskRecord> {
    const task = await tasks(ctx).byId(run.taskId);
    if (!task) throw new NotFoundError('Task', run.taskId);
    return task;
  }

  @FieldResolver(() => Agent)
  async agent(@Root() run: RunRecord, @Ctx() ctx: AgentsContext): Promise<Agent> {
    const agent = await ctx.loaders.agent.load(run.agentId);
    if (!agent) throw new NotFoundError('Agent', run.agentId);
    return agent;
  }

  @FieldResolver(() => [RunStep], { description: 'Every step, in order: the run’s trace' })
  steps(@Root() run: RunRecord, @Ctx() ctx: AgentsContext): Promise<RunStepRecord[]> {
    return new RunRepository(ctx.em).steps(run.id);
  }
}

function tasks(ctx: AgentsContext): TaskRepository {
  return new TaskRepository(requestConnection(ctx.em));
}

/** The task, null when there is none, FORBIDDEN when the caller may not read its department's. */
async function readableTask(ctx: AgentsContext, id: string): Promise<TaskRecord | null> {
  requireAuthenticated(ctx.principal);
  const task = await tasks(ctx).byId(id);
  if (!task) return null;
  assertMayReadTasksOf(await readScopeOf(ctx), task.departmentId);
  return task;
}

/**
 * The taskUpdates twin: the task, or null for a subscriber outside its department, which the
 * gateway's bridge then withholds: no payload tells that subscriber a task changed.
 */
async function taskTwin(ctx: AgentsContext, id: string): Promise<TaskRecord | null> {
  requireAuthenticated(ctx.principal);
  const task = await tasks(ctx).byId(id);
  return task && mayReadTasksOf(await readScopeOf(ctx), task.departmentId) ? task : null;
}

/** FORBIDDEN when the caller may not read the run's department's work. */
async function authorizeRun(ctx: AgentsContext, runs: RunRepository, runId: string): Promise<void> {
  const departmentId = await runs.departmentOf(runId);
  if (departmentId === null) throw new NotFoundError('AgentRun', runId);
  assertMayReadTasksOf(await readScopeOf(ctx), departmentId);
}
