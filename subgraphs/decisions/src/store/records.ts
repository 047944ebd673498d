import type { BiasFinding, Outcome, ProposalKind, ThresholdTerm } from '../domain/cmp/contracts.js';
import type { ProposalStatus } from '../domain/proposal.js';
import type { Ballot } from '../domain/vote.js';

/*
 * The records of the decisions store, one per table of the `decisions` schema (migrations/), as
 * the row mappers of `rows.ts` return them.
 */

export interface ProposalRecord {
  id: string;
  title: string;
  description: string;
  /** The proposing department (also the first of `departmentIds`). */
  departmentId: string;
  departmentIds: string[];
  status: ProposalStatus;
  kind: ProposalKind;
  risk: number;
  stakeholderImpact: number;
  urgency: number;
  /** The token subject that created it. */
  createdBy: string;
  /** Who asks for the decision: a person's token subject, or the agent's id. */
  requesterSubject: string;
  requesterAgentId: string | null;
  createdAt: Date;
  openedAt: Date | null;
  deadline: Date | null;
  closedAt: Date | null;
  maxRounds: number;
  /** 0 while a draft, then the round being voted on (or the last one, once closed). */
  currentRound: number;
  roundSeconds: number;
  threshold: number | null;
  thresholdExplanation: string | null;
  thresholdTerms: ThresholdTerm[] | null;
}

/** One stakeholder agent with its weight, snapshotted when the proposal opened. */
export interface ProposalStakeholderRecord {
  proposalId: string;
  agentId: string;
  weight: number;
  why: string;
  role: string | null;
  departmentId: string | null;
  /** The evidence a vote of this stakeholder carries (`Stakeholder.logOdds`); null before 0003. */
  logOdds: number | null;
  logOddsVariance: number | null;
  /** The overall track-record accuracy and its outcomes (`Stakeholder.accuracy`); null before 0006. */
  accuracy: number | null;
  accuracyEvidence: number | null;
  /** A person who voted (an executive's subject); null for the agents snapshotted at open. */
  personSubject: string | null;
}

/** A stored vote: the ballot as cast, plus its identity and order. */
export interface VoteRecord extends Ballot {
  id: string;
  /** Global order of accepted votes (bigint as a decimal string); renewed when a vote changes. */
  seq: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One voting round: open while it takes votes, then its result and bias findings. */
export interface VotingRoundRecord {
  proposalId: string;
  round: number;
  openedAt: Date;
  deadline: Date;
  closedAt: Date | null;
  closedBecause: string | null;
  support: number | null;
  intervalLow: number | null;
  intervalHigh: number | null;
  margin: number | null;
  participation: number | null;
  /** ACCEPTED, REJECTED, NO_CONSENSUS, NEXT_ROUND, or the status an intervention set. */
  decision: string | null;
  biasFindings: BiasFinding[];
}

export interface ProposalTransitionRecord {
  id: string;
  seq: string;
  proposalId: string;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus;
  round: number;
  at: Date;
  by: string;
  reason: string | null;
}

export interface ProposalOutcomeRecord {
  proposalId: string;
  outcome: Outcome;
  note: string;
  recordedBy: string;
  recordedAt: Date;
}
