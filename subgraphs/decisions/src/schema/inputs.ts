import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { ProposalKind, VoteChoice } from './enums.js';

/** The fields of a new proposal, which `createProposal` and `openProposal(input:)` share. */
@InputType()
class ProposalFieldsInput {
  @Field(() => String, { description: '1–200 characters' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'At most 10,000 characters' })
  description?: string | null;

  @Field(() => ID, { description: "The proposing department (the agents subgraph's id)" })
  departmentId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Further departments the decision affects; their agents may vote too',
  })
  affectedDepartmentIds?: string[] | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Must be in the future; undecided past it, the proposal expires',
  })
  deadline?: Date | null;

  @Field(() => ProposalKind, { nullable: true, description: 'Default STRATEGIC' })
  kind?: ProposalKind | null;

  @Field(() => Float, { nullable: true, description: '0–1' })
  risk?: number | null;

  @Field(() => Float, { nullable: true, description: '0–1' })
  stakeholderImpact?: number | null;

  @Field(() => Float, { nullable: true, description: '0–1' })
  urgency?: number | null;

  @Field(() => Int, { nullable: true, description: '1–10, default 3' })
  maxRounds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds each round waits for votes (1 to a week); the service's default if unset",
  })
  roundSeconds?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The agent asking for the decision (people only; an agent asks as itself)',
  })
  requesterAgentId?: string | null;
}

@InputType({ description: 'A new proposal; unset features are 0.5 (they neither raise nor lower)' })
export class CreateProposalInput extends ProposalFieldsInput {
  @Field(() => String, {
    nullable: true,
    description:
      'A key the creator chooses so that a create sent again makes no second proposal (1–200 characters, unique per creator): the same input again returns the first proposal, whatever its status now; different input under the key is CONFLICT (IDEMPOTENCY_KEY_REPEATED) naming the first proposal',
  })
  idempotencyKey?: string | null;
}

/** The one-step form of `openProposal`: create and open at once. */
@InputType({ description: 'A proposal to create and open at once' })
export class OpenProposalInput extends ProposalFieldsInput {}

// The fields an agent's and an executive's vote share, described once.
const confidenceField = () => Field(() => Float, { nullable: true, description: '0–1, default 1' });
const roundVotedInField = () =>
  Field(() => Int, {
    nullable: true,
    description: 'The round voted in (default: the current one); a closed round is ROUND_CLOSED',
  });

@InputType()
export class CastVoteInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  agentId!: string;

  @Field(() => VoteChoice)
  choice!: VoteChoice;

  @confidenceField()
  confidence?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters' })
  rationale?: string | null;

  @roundVotedInField()
  round?: number | null;
}

@InputType()
export class CastExecutiveVoteInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => VoteChoice)
  choice!: VoteChoice;

  @confidenceField()
  confidence?: number | null;

  @Field(() => String, {
    description: 'Why the executive votes so: required, at most 2,000 characters',
  })
  reason!: string;

  @roundVotedInField()
  round?: number | null;
}
