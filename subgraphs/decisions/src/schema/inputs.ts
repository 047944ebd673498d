import { Field, Float, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { VoteChoice } from '../domain/vote.js';

@InputType()
export class OpenProposalInput {
  @Field(() => String, { description: '1–200 characters' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'At most 10,000 characters' })
  description?: string | null;

  @Field(() => ID, { description: "The department whose agents vote (the agents subgraph's id)" })
  departmentId!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Must be in the future' })
  deadline?: Date | null;
}

@InputType()
export class CastVoteInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  agentId!: string;

  @Field(() => VoteChoice)
  choice!: VoteChoice;

  @Field(() => Float, { nullable: true, description: '0–1, default 1' })
  confidence?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters' })
  rationale?: string | null;
}
