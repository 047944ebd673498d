import { Directive, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import type { VoteChoice } from '../domain/cmp/contracts.js';

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

@ObjectType({ description: 'A 95% interval' })
export class Interval {
  @Field(() => Float)
  low!: number;

  @Field(() => Float)
  high!: number;
}

/**
 * A vote. Its choice, confidence and rationale are field resolvers (VoteResolver): they are
 * sealed while the vote's round is blind.
 */
@ObjectType({ description: "One stakeholder agent's vote on a proposal, in one round" })
@Directive('@key(fields: "id")')
export class Vote {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  round!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the vote was last changed' })
  updatedAt!: Date;

  choice!: VoteChoice;
  confidence!: number;
  rationale!: string | null;
  proposalId!: string;
  agentId!: string;
  personSubject!: string | null;
  seq!: string;
}

@ObjectType({ description: 'The count of one round of a proposal’s votes, now or as of one vote' })
export class VoteTally {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { description: 'The round counted' })
  round!: number;

  @Field(() => Boolean, {
    description: 'Round 1 while it is open: choices and support stay hidden until it closes',
  })
  blind!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Stakeholder agents approving; null while the round is blind',
  })
  approve!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Stakeholder agents rejecting; null while the round is blind',
  })
  reject!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Stakeholder agents abstaining; null while the round is blind',
  })
  abstain!: number | null;

  @Field(() => Int, {
    description: 'Stakeholder agents’ votes cast in the round so far, whatever asOfVote says',
  })
  votes!: number;

  @Field(() => Int, {
    description:
      'Executives’ votes in this tally (up to lastVote); they count in support but not in participation',
  })
  executiveVotes!: number;

  @Field(() => Int, { nullable: true, description: 'Executives approving; null while blind' })
  executiveApprove!: number | null;

  @Field(() => Int, { nullable: true, description: 'Executives rejecting; null while blind' })
  executiveReject!: number | null;

  @Field(() => Int, { description: 'Agents entitled to vote (snapshotted at opening)' })
  stakeholders!: number;

  @Field(() => Float, { description: 'votesCounted / stakeholders' })
  participation!: number;

  @Field(() => Float, { description: 'Share of the stakeholders’ weight that voted (0–1)' })
  weightVoted!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Posterior probability that approving is right, from the stakeholders’ evidence × confidence; null while blind',
  })
  support!: number | null;

  @Field(() => Interval, {
    nullable: true,
    description:
      '95% interval of support, from the uncertainty of the voters’ accuracies; null while blind',
  })
  interval!: Interval | null;

  @Field(() => Float, { nullable: true, description: 'The support the proposal needs' })
  threshold!: number | null;

  @Field(() => Vote, {
    nullable: true,
    description: 'The vote named by asOfVote, else the latest vote of the round; null before any',
  })
  lastVote!: Vote | null;

  @Field(() => Int, {
    description: 'Stakeholder agents’ votes in this tally (up to and including lastVote)',
  })
  votesCounted!: number;
}
