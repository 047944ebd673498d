import { Directive, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import type { ThresholdTerm as ThresholdTermRecord } from '../domain/cmp/contracts.js';
import { BiasKind, Mitigation, Outcome, ProposalKind, ProposalStatus } from './enums.js';
import { Agent, Interval } from './types.js';

@ObjectType({ description: "A question put to the organization's agents (CMP)" })
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

  @Field(() => ProposalKind)
  kind!: ProposalKind;

  @Field(() => Float, { description: '0–1: how much could go wrong' })
  risk!: number;

  @Field(() => Float, { description: '0–1: how much it changes for those affected' })
  stakeholderImpact!: number;

  @Field(() => Float, { description: '0–1: how soon it must be decided (lowers the threshold)' })
  urgency!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  openedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Undecided past it, the proposal EXPIRES',
  })
  deadline!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int, { description: 'Rounds at most before NO_CONSENSUS' })
  maxRounds!: number;

  @Field(() => Int, { description: '0 while a draft; then the round being voted on (or the last)' })
  currentRound!: number;

  @Field(() => Int, { description: 'How long each round waits for votes' })
  roundSeconds!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The weighted support an ACCEPTED decision needs; set when opened',
  })
  threshold!: number | null;

  @Field(() => String, { nullable: true, description: 'How the threshold follows from its terms' })
  thresholdExplanation!: string | null;

  @Field(() => ID, {
    description: 'The proposing department’s id (`departments` lists every affected one)',
  })
  departmentId!: string;

  departmentIds!: string[];
  createdBy!: string;
  requesterSubject!: string;
  requesterAgentId!: string | null;
  thresholdTerms!: ThresholdTermRecord[] | null;
}

@ObjectType({ description: 'One term of the adaptive threshold' })
export class ThresholdTerm {
  @Field(() => String)
  name!: string;

  @Field(() => Float, { description: 'The input, e.g. risk 0.8' })
  value!: number;

  @Field(() => Float, { description: 'What it adds to (or takes from) the threshold' })
  contribution!: number;
}

@ObjectType({ description: 'Who asks for the decision: a person or an agent' })
export class Requester {
  @Field(() => String, { description: "A person's token subject, or the agent's id" })
  subject!: string;

  @Field(() => Agent, { nullable: true, description: 'The agent, when an agent asks' })
  agent!: Agent | null;
}

@ObjectType({ description: 'A stakeholder: an agent entitled to vote, with its weight' })
export class Stakeholder {
  @Field(() => ID, { description: "The agent's id" })
  id!: string;

  @Field(() => Agent)
  agent!: Agent;

  @Field(() => Float, { description: 'Normalised voting weight (the weights sum to 1, capped)' })
  weight!: number;

  @Field(() => String, { description: 'Why it votes, and why with this weight' })
  why!: string;
}

@ObjectType({ description: 'An executive who voted on the proposal, and what their vote weighs' })
export class ExecutiveVoter {
  @Field(() => String, { description: 'The executive (their subject)' })
  executive!: string;

  @Field(() => Float, {
    description:
      'The evidence one full-confidence vote of theirs carries (log-odds of their estimated accuracy)',
  })
  logOdds!: number;

  @Field(() => String, { description: 'Their estimated accuracy and the record it rests on' })
  why!: string;
}

@ObjectType({ description: 'A bias finding, with the evidence a person can check' })
export class BiasFinding {
  @Field(() => BiasKind)
  kind!: BiasKind;

  @Field(() => [Agent])
  agents!: Agent[];

  @Field(() => String)
  evidence!: string;

  @Field(() => Mitigation)
  mitigation!: Mitigation;

  @Field(() => Float, { nullable: true, description: 'For DOWN_WEIGHT: the factor applied' })
  weightFactor!: number | null;

  @Field(() => Int, { description: 'The round whose close found it' })
  round!: number;
}

@ObjectType({
  description: 'The outcome of CMP: weighted support with its interval, and the decision',
})
export class ConsensusResult {
  @Field(() => Float, {
    description:
      'Posterior probability that approving is right, from the ballots weighted by each voter’s evidence (relevance × log-odds of its track record) × confidence',
  })
  support!: number;

  @Field(() => Interval, {
    description:
      '95% interval of support: σ(L ± 1.96·sd), L the log-odds of support and sd from the uncertainty of the voters’ estimated accuracies',
  })
  interval!: Interval;

  @Field(() => Float, { description: 'support − threshold' })
  margin!: number;

  @Field(() => Float, { description: 'Share of stakeholder weight that voted' })
  participation!: number;

  @Field(() => Int)
  roundsUsed!: number;

  @Field(() => ProposalStatus)
  decision!: ProposalStatus;
}

@ObjectType({ description: 'One voting round: open while it takes votes, then its result' })
export class VotingRound {
  @Field(() => Int)
  round!: number;

  @Field(() => GraphQLISODateTime)
  openedAt!: Date;

  @Field(() => GraphQLISODateTime)
  deadline!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it closed' })
  closedBecause!: string | null;

  @Field(() => Float, { nullable: true })
  support!: number | null;

  @Field(() => Interval, { nullable: true })
  interval!: Interval | null;

  @Field(() => Float, { nullable: true })
  participation!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ACCEPTED, REJECTED, NEXT_ROUND, NO_CONSENSUS, or the status a person set',
  })
  decision!: string | null;
}

@ObjectType({
  description:
    "The previous round as later rounds' voters see it: anonymised distribution and rationales",
})
export class RoundSummary {
  @Field(() => Int)
  round!: number;

  @Field(() => Int)
  approve!: number;

  @Field(() => Int)
  reject!: number;

  @Field(() => Int)
  abstain!: number;

  @Field(() => Float, { nullable: true, description: 'Weighted support the round closed with' })
  support!: number | null;

  @Field(() => [String], { description: 'Every rationale given, in alphabetical order (no names)' })
  rationales!: string[];
}

@ObjectType({ description: 'A change of status (or a new round: OPEN → OPEN)' })
export class ProposalTransition {
  @Field(() => ID)
  id!: string;

  @Field(() => ProposalStatus, {
    nullable: true,
    description: 'null when the proposal was created',
  })
  from!: ProposalStatus | null;

  @Field(() => ProposalStatus)
  to!: ProposalStatus;

  @Field(() => Int, { description: 'The round after the transition (0 for drafts)' })
  round!: number;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => String, { description: "The actor's token subject, or system" })
  by!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  proposalId!: string;
}

@ObjectType({ description: 'What really happened after the decision (feeds track records)' })
export class ProposalOutcome {
  @Field(() => Outcome)
  outcome!: Outcome;

  @Field(() => String)
  note!: string;

  @Field(() => String)
  recordedBy!: string;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}
