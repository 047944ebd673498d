import { EntitySchema } from '@mikro-orm/core';
import {
  ProposalKind,
  type BiasFinding,
  type Outcome,
  type ThresholdTerm,
} from '../domain/cmp/contracts.js';
import { ProposalStatus } from '../domain/proposal.js';
import { VoteChoice, type Ballot } from '../domain/vote.js';

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

export const ProposalEntity = new EntitySchema<ProposalRecord>({
  name: 'Proposal',
  tableName: 'proposals',
  properties: {
    id: { type: 'uuid', primary: true },
    title: { type: 'text' },
    description: { type: 'text' },
    departmentId: { type: 'uuid', fieldName: 'department_id' },
    departmentIds: { type: 'string[]', columnType: 'uuid[]', fieldName: 'department_ids' },
    status: { enum: true, items: () => ProposalStatus, type: 'text' },
    kind: { enum: true, items: () => ProposalKind, type: 'text' },
    risk: { type: 'double' },
    stakeholderImpact: { type: 'double', fieldName: 'stakeholder_impact' },
    urgency: { type: 'double' },
    createdBy: { type: 'text', fieldName: 'created_by' },
    requesterSubject: { type: 'text', fieldName: 'requester_subject' },
    requesterAgentId: { type: 'uuid', fieldName: 'requester_agent_id', nullable: true },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
    openedAt: { type: 'Date', fieldName: 'opened_at', nullable: true },
    deadline: { type: 'Date', nullable: true },
    closedAt: { type: 'Date', fieldName: 'closed_at', nullable: true },
    maxRounds: { type: 'integer', fieldName: 'max_rounds' },
    currentRound: { type: 'integer', fieldName: 'current_round' },
    roundSeconds: { type: 'integer', fieldName: 'round_seconds' },
    threshold: { type: 'double', nullable: true },
    thresholdExplanation: { type: 'text', fieldName: 'threshold_explanation', nullable: true },
    thresholdTerms: { type: 'json', fieldName: 'threshold_terms', nullable: true },
  },
});

export const ProposalStakeholderEntity = new EntitySchema<ProposalStakeholderRecord>({
  name: 'ProposalStakeholder',
  tableName: 'proposal_stakeholders',
  properties: {
    proposalId: { type: 'uuid', fieldName: 'proposal_id', primary: true },
    agentId: { type: 'uuid', fieldName: 'agent_id', primary: true },
    weight: { type: 'double' },
    why: { type: 'text' },
    role: { type: 'text', nullable: true },
    departmentId: { type: 'uuid', fieldName: 'department_id', nullable: true },
    logOdds: { type: 'double', fieldName: 'log_odds', nullable: true },
    logOddsVariance: { type: 'double', fieldName: 'log_odds_variance', nullable: true },
    personSubject: { type: 'text', fieldName: 'person_subject', nullable: true },
  },
});

export const VoteEntity = new EntitySchema<VoteRecord>({
  name: 'Vote',
  tableName: 'votes',
  properties: {
    id: { type: 'uuid', primary: true },
    proposalId: { type: 'uuid', fieldName: 'proposal_id' },
    agentId: { type: 'uuid', fieldName: 'agent_id' },
    round: { type: 'integer' },
    choice: { enum: true, items: () => VoteChoice, type: 'text' },
    confidence: { type: 'double' },
    rationale: { type: 'text', nullable: true },
    personSubject: { type: 'text', fieldName: 'person_subject', nullable: true },
    seq: { type: 'bigint' },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', fieldName: 'updated_at', defaultRaw: 'now()' },
  },
});

export const VotingRoundEntity = new EntitySchema<VotingRoundRecord>({
  name: 'VotingRound',
  tableName: 'voting_rounds',
  properties: {
    proposalId: { type: 'uuid', fieldName: 'proposal_id', primary: true },
    round: { type: 'integer', primary: true },
    openedAt: { type: 'Date', fieldName: 'opened_at' },
    deadline: { type: 'Date' },
    closedAt: { type: 'Date', fieldName: 'closed_at', nullable: true },
    closedBecause: { type: 'text', fieldName: 'closed_because', nullable: true },
    support: { type: 'double', nullable: true },
    intervalLow: { type: 'double', fieldName: 'interval_low', nullable: true },
    intervalHigh: { type: 'double', fieldName: 'interval_high', nullable: true },
    margin: { type: 'double', nullable: true },
    participation: { type: 'double', nullable: true },
    decision: { type: 'text', nullable: true },
    biasFindings: { type: 'json', fieldName: 'bias_findings' },
  },
});

export const ProposalTransitionEntity = new EntitySchema<ProposalTransitionRecord>({
  name: 'ProposalTransition',
  tableName: 'proposal_transitions',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { type: 'bigint' },
    proposalId: { type: 'uuid', fieldName: 'proposal_id' },
    fromStatus: { type: 'text', fieldName: 'from_status', nullable: true },
    toStatus: { type: 'text', fieldName: 'to_status' },
    round: { type: 'integer' },
    at: { type: 'Date', defaultRaw: 'now()' },
    by: { type: 'text' },
    reason: { type: 'text', nullable: true },
  },
});

export const ProposalOutcomeEntity = new EntitySchema<ProposalOutcomeRecord>({
  name: 'ProposalOutcome',
  tableName: 'proposal_outcomes',
  properties: {
    proposalId: { type: 'uuid', fieldName: 'proposal_id', primary: true },
    outcome: { type: 'text' },
    note: { type: 'text' },
    recordedBy: { type: 'text', fieldName: 'recorded_by' },
    recordedAt: { type: 'Date', fieldName: 'recorded_at', defaultRaw: 'now()' },
  },
});

export const entities = [
  ProposalEntity,
  ProposalStakeholderEntity,
  VoteEntity,
  VotingRoundEntity,
  ProposalTransitionEntity,
  ProposalOutcomeEntity,
];
