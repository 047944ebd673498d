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

  @Query(() => Task, { nullable: true })
  task(@Ctx() ctx: AgentsContext, @Arg('id', () => ID) id: string): Promise<TaskRecord | null> {
    requireAuthenticated(ctx.principal);
    return tasks(ctx).byId(id);
  }

  @Query(() => [Task], { description: 'Tasks, newest first' })
  tasks(
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
    return tasks(ctx).list({ departmentId, assigneeId, status }, first);
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

  @Query(() => AgentRun, { nullable: true, description: 'A run and its trace' })
  agentRun(@Ctx() ctx: AgentsContext, @Arg('id', () => ID) id: string): Promise<RunRecord | null> {
    requireAuthenticated(ctx.principal);
    return new RunRepository(ctx.em).run(id);
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
    requireAuthenticated(ctx.principal);
    return tasks(ctx).byId(taskId);
  }

  @BusSubscription(() => Task, {
    name: 'taskUpdates',
    description:
      'Every change of a task’s state (of one department, if given); served by the gateway bridge',
    event: Events.taskUpdated,
    twin: 'taskUpdates',
    filter: { departmentId: 'departmentId' },
    twinArguments: { taskId: 'taskId' },
    // The twin asks only that the caller be signed in.
    visibility: 'byRoles',
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

  @FieldResolver(() => Task, { nullable: true, description: 'The task this one follows up' })
  parent(@Root() task: TaskRecord, @Ctx() ctx: AgentsContext): Promise<TaskRecord | null> {
    return task.parentId === null ? Promise.resolve(null) : tasks(ctx).byId(task.parentId);
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
  runSteps(
    @Ctx() ctx: AgentsContext,
    @Arg('runId', () => ID) runId: string,
    @Arg('seq', () => Int) seq: number,
    @Arg('departmentId', () => ID, { nullable: true }) _departmentId?: string,
    @Arg('agentId', () => ID, { nullable: true }) _agentId?: string,
  ): Promise<RunStepRecord | null> {
    requireAuthenticated(ctx.principal);
    return new RunRepository(ctx.em).step(runId, seq);
  }

  @BusSubscription(() => RunStep, {
    name: 'runSteps',
    description:
      'Every step agents take in their runs, as it is checkpointed (of one department or agent, if given)',
    event: Events.runStepRecorded,
    twin: 'runSteps',
    filter: { departmentId: 'departmentId', agentId: 'agentId' },
    twinArguments: { runId: 'runId', seq: 'seq' },
    visibility: 'byRoles',
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
