import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { ApprovalDecision, ApprovalGate } from '../domain/run-steps.js';

registerEnumType(ApprovalGate, {
  name: 'ApprovalGateSubject',
  description: 'What an approval gate holds: tasks of a kind, or calls of a tool',
});
registerEnumType(ApprovalDecision, {
  name: 'ApprovalDecision',
  description: 'A person’s decision at a gate',
});

@ObjectType('ApprovalGate', {
  description: 'A task kind or a tool whose runs wait for a person’s approval',
})
export class ApprovalGateView {
  @Field(() => ApprovalGate)
  subject!: ApprovalGate;

  @Field(() => String, { description: 'The task kind or the tool' })
  name!: string;

  @Field(() => String)
  createdBy!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType({ description: 'What an approval step asks, and who decided, when and why' })
export class StepApproval {
  @Field(() => ApprovalGate)
  gate!: ApprovalGate;

  @Field(() => String, { description: 'The gated task kind or tool' })
  name!: string;

  @Field(() => ApprovalDecision, { nullable: true, description: 'Null while it waits' })
  decision!: ApprovalDecision | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@InputType({ description: 'A decision on a run waiting at an approval gate' })
export class DecideStepInput {
  @Field(() => ID)
  runId!: string;

  @Field(() => ID, { description: 'The waiting step’s id (RunStep.id)' })
  stepId!: string;

  @Field(() => String, { description: 'Why: kept on the step with who decided and when' })
  reason!: string;
}
