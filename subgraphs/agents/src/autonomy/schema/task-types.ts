import { GraphQLJSON } from 'graphql-scalars';
import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { StepKind, StepStatus } from '../domain/run-steps.js';
import { TaskSource, TaskStatus } from '../domain/task.js';
import { RunStatus } from '../store/rows.js';

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'Where a task is',
  valuesConfig: {
    QUEUED: { description: 'Assigned; its run waits for the agent' },
    RUNNING: { description: 'Its agent is working on it' },
    WAITING_FOR_CONSENSUS: { description: 'Above the agent’s autonomy: waiting for CMP' },
    WAITING_FOR_APPROVAL: {
      description: 'At an approval gate: waiting for the department’s lead or an executive',
    },
    WAITING_FOR_BUDGET: {
      description:
        'Its agent’s or department’s daily model budget is spent: its run goes on the next UTC day',
    },
    DONE: { description: 'Finished with a result' },
    FAILED: { description: 'Stopped; errorCode says why' },
  },
});
registerEnumType(TaskSource, { name: 'TaskSource', description: 'Who found the work' });
registerEnumType(RunStatus, { name: 'RunStatus', description: 'Where a run of a task is' });
registerEnumType(StepKind, { name: 'RunStepKind', description: 'What a step of a run does' });
registerEnumType(StepStatus, {
  name: 'RunStepStatus',
  description: 'A step as checkpointed',
  valuesConfig: {
    STARTED: {
      description:
        'Checkpointed before it ran; a resumed run runs it again (a model call waiting for a daily budget says so in its output and errorCode)',
    },
    DONE: { description: 'Ran; its output is recorded' },
    REFUSED: { description: 'Not run: a malformed or forbidden action, or a budget stop' },
  },
});

@ObjectType({ description: 'Work for an agent, from a person, an agent’s scan or a follow-up' })
export class Task {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'What kind of work (a slug); approval gates name kinds' })
  kind!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [String], { description: 'Capabilities of the matrix the work needs' })
  requiredCapabilities!: string[];

  @Field(() => Float, { description: '0–1; above the role’s autonomy threshold it goes to CMP' })
  complexity!: number;

  @Field(() => Int, { description: '1 (most urgent) to 5' })
  priority!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deadline!: Date | null;

  @Field(() => Float, { description: 'Most the task may spend on model calls, US dollars' })
  budgetUsd!: number;

  @Field(() => Float, { description: 'What its runs spent so far, US dollars' })
  spentUsd!: number;

  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => String, { nullable: true, description: 'The summary its run ended with' })
  result!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed' })
  errorCode!: string | null;

  @Field(() => TaskSource)
  source!: TaskSource;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@ObjectType({ description: 'One step of a run, as checkpointed before and after it ran' })
export class RunStep {
  @Field(() => ID, { description: 'The run’s id and the step’s place: what approveStep names' })
  id!: string;

  @Field(() => Int, { description: 'Its place in the run, from 0' })
  seq!: number;

  @Field(() => StepKind)
  kind!: StepKind;

  @Field(() => StepStatus)
  status!: StepStatus;

  @Field(() => GraphQLJSON)
  input!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  output!: unknown;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The model that answered a MODEL_CALL' })
  model!: string | null;

  @Field(() => Int)
  tokens!: number;

  @Field(() => Float, { name: 'cost' })
  costUsd!: number;

  @Field(() => Int, { description: 'Times it was started (more than 1: resumed after a crash)' })
  attempts!: number;

  @Field(() => GraphQLISODateTime)
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  endedAt!: Date | null;
}

@ObjectType({ description: 'One run of a task by its agent: its steps are its trace' })
export class AgentRun {
  @Field(() => ID)
  id!: string;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => Int)
  tokens!: number;

  @Field(() => Float)
  costUsd!: number;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field(() => GraphQLISODateTime)
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  endedAt!: Date | null;
}

@InputType({ description: 'A task for the agents; assigned by capability unless assigneeId says' })
export class CreateTaskInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, {
    defaultValue: 'general',
    description: 'A slug naming the kind of work; a gated kind waits for approval',
  })
  kind!: string;

  @Field(() => String, { defaultValue: '' })
  description!: string;

  @Field(() => [String], { defaultValue: [] })
  requiredCapabilities!: string[];

  @Field(() => Float, { defaultValue: 0.3 })
  complexity!: number;

  @Field(() => Int, { defaultValue: 3 })
  priority!: number;

  @Field(() => ID)
  departmentId!: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deadline?: Date | null;

  @Field(() => Float, { defaultValue: 1 })
  budgetUsd!: number;

  @Field(() => ID, { nullable: true, description: 'The task this one follows up' })
  parentId?: string | null;
}

@ObjectType({ description: 'The global kill switch of the agents’ autonomy' })
export class AutonomyControl {
  @Field(() => Boolean, { description: 'Halted: no run takes another step until resumed' })
  halted!: boolean;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who changed it last' })
  changedBy!: string | null;

  @Field(() => GraphQLISODateTime)
  changedAt!: Date;
}
