import {
  Directive,
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { ProposalStatus } from '../domain/proposal.js';
import { VoteChoice } from '../domain/vote.js';

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'OPEN while stakeholders vote, then one outcome',
});
registerEnumType(VoteChoice, { name: 'VoteChoice' });

/** Owned by the agents subgraph; decisions only references it by id. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Agent {
  @Field(() => ID)
  id!: string;
}

/** Owned by the agents subgraph; decisions only references it by id. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Department {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A question put to a department's agents" })
@Directive('@key(fields: "id")')
export class Proposal {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deadline!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  departmentId!: string;
}

@ObjectType({ description: "One stakeholder agent's vote on a proposal, in one round" })
@Directive('@key(fields: "id")')
export class Vote {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  round!: number;

  @Field(() => VoteChoice)
  choice!: VoteChoice;

  @Field(() => Float, { description: 'How sure the agent is, 0–1; the weight of its vote' })
  confidence!: number;

  @Field(() => String, { nullable: true })
  rationale!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the vote was last changed' })
  updatedAt!: Date;

  proposalId!: string;
  agentId!: string;
  seq!: string;
}

@ObjectType({ description: 'The count of a proposal’s votes, now or as of one vote' })
export class VoteTally {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int)
  approve!: number;

  @Field(() => Int)
  reject!: number;

  @Field(() => Int)
  abstain!: number;

  @Field(() => Int, { description: 'Votes cast on the proposal so far, whatever asOfVote says' })
  votes!: number;

  @Field(() => Int, { description: 'Agents entitled to vote (snapshotted at opening)' })
  stakeholders!: number;

  @Field(() => Float, { description: 'votesCounted / stakeholders' })
  participation!: number;

  @Field(() => Float, {
    description:
      'Confidence-weighted approve share of the non-abstaining votes counted; 0 when there are none',
  })
  support!: number;

  @Field(() => Vote, {
    nullable: true,
    description: 'The vote named by asOfVote, else the latest vote; null before any vote',
  })
  lastVote!: Vote | null;

  @Field(() => Int, { description: 'Votes in this tally (up to and including lastVote)' })
  votesCounted!: number;
}
