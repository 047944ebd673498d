import type {
  BiasFinding,
  Outcome,
  ProposalKind,
  ThresholdTerm,
  VoteChoice,
} from '../domain/cmp/contracts.js';
import type { LedgerEntry, LedgerKind } from '../domain/ledger.js';
import type { ProposalStatus } from '../domain/proposal.js';
import type {
  ProposalOutcomeRecord,
  ProposalRecord,
  ProposalStakeholderRecord,
  ProposalTransitionRecord,
  VoteRecord,
  VotingRoundRecord,
} from './records.js';
import type { ParseDate } from '@daena/platform';

/*
 * Rows as SQL returns them on MikroORM's connection (bigint and timestamptz as strings, uuid[],
 * json and double precision parsed by node-pg), and their mappers to the records the service
 * works with. Every read and write of this store goes through them.
 */

export interface ProposalRow {
  id: string;
  title: string;
  description: string;
  department_id: string;
  department_ids: string[] | string;
  status: ProposalStatus;
  kind: ProposalKind;
  risk: number;
  stakeholder_impact: number;
  urgency: number;
  created_by: string;
  requester_subject: string;
  requester_agent_id: string | null;
  created_at: string;
  opened_at: string | null;
  deadline: string | null;
  closed_at: string | null;
  max_rounds: number;
  current_round: number;
  round_seconds: number;
  threshold: number | null;
  threshold_explanation: string | null;
  threshold_terms: ThresholdTerm[] | null;
}

export interface StakeholderRow {
  proposal_id: string;
  agent_id: string;
  weight: number;
  why: string;
  role: string | null;
  department_id: string | null;
  log_odds: number | null;
  log_odds_variance: number | null;
  /** Null before migration 0006. */
  accuracy?: number | null;
  accuracy_evidence?: number | null;
  person_subject: string | null;
}

export interface VoteRow {
  id: string;
  proposal_id: string;
  agent_id: string;
  round: number;
  choice: VoteChoice;
  confidence: number;
  rationale: string | null;
  person_subject: string | null;
  seq: string;
  created_at: string;
  updated_at: string;
}

export interface VotingRoundRow {
  proposal_id: string;
  round: number;
  opened_at: string;
  deadline: string;
  closed_at: string | null;
  closed_because: string | null;
  support: number | null;
  interval_low: number | null;
  interval_high: number | null;
  margin: number | null;
  participation: number | null;
  decision: string | null;
  bias_findings: BiasFinding[];
}

export interface TransitionRow {
  id: string;
  seq: string;
  proposal_id: string;
  from_status: ProposalStatus | null;
  to_status: ProposalStatus;
  round: number;
  at: string;
  by: string;
  reason: string | null;
}

export interface OutcomeRow {
  proposal_id: string;
  outcome: Outcome;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

export interface LedgerRow {
  proposal_id: string;
  position: number;
  kind: LedgerKind;
  at: string;
  payload: string;
  previous_hash: string;
  hash: string;
}

const optionalDate = (value: string | null, parseDate: ParseDate) =>
  value === null ? null : parseDate(value);

/** uuid[] arrives parsed from node-pg, but as Postgres' `{a,b}` text form on some drivers. */
function uuidArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

export function proposalFromRow(row: ProposalRow, parseDate: ParseDate): ProposalRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    departmentId: row.department_id,
    departmentIds: uuidArray(row.department_ids),
    status: row.status,
    kind: row.kind,
    risk: row.risk,
    stakeholderImpact: row.stakeholder_impact,
    urgency: row.urgency,
    createdBy: row.created_by,
    requesterSubject: row.requester_subject,
    requesterAgentId: row.requester_agent_id,
    createdAt: parseDate(row.created_at),
    openedAt: optionalDate(row.opened_at, parseDate),
    deadline: optionalDate(row.deadline, parseDate),
    closedAt: optionalDate(row.closed_at, parseDate),
    maxRounds: row.max_rounds,
    currentRound: row.current_round,
    roundSeconds: row.round_seconds,
    threshold: row.threshold,
    thresholdExplanation: row.threshold_explanation,
    thresholdTerms: row.threshold_terms,
  };
}

export function stakeholderFromRow(row: StakeholderRow): ProposalStakeholderRecord {
  return {
    proposalId: row.proposal_id,
    agentId: row.agent_id,
    weight: row.weight,
    why: row.why,
    role: row.role,
    departmentId: row.department_id,
    logOdds: row.log_odds,
    logOddsVariance: row.log_odds_variance,
    accuracy: row.accuracy ?? null,
    accuracyEvidence: row.accuracy_evidence ?? null,
    personSubject: row.person_subject,
  };
}

export function voteFromRow(row: VoteRow, parseDate: ParseDate): VoteRecord {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    agentId: row.agent_id,
    round: row.round,
    choice: row.choice,
    confidence: row.confidence,
    rationale: row.rationale,
    personSubject: row.person_subject ?? null,
    seq: String(row.seq),
    createdAt: parseDate(row.created_at),
    updatedAt: parseDate(row.updated_at),
  };
}

export function roundFromRow(row: VotingRoundRow, parseDate: ParseDate): VotingRoundRecord {
  return {
    proposalId: row.proposal_id,
    round: row.round,
    openedAt: parseDate(row.opened_at),
    deadline: parseDate(row.deadline),
    closedAt: optionalDate(row.closed_at, parseDate),
    closedBecause: row.closed_because,
    support: row.support,
    intervalLow: row.interval_low,
    intervalHigh: row.interval_high,
    margin: row.margin,
    participation: row.participation,
    decision: row.decision,
    biasFindings: row.bias_findings,
  };
}

export function transitionFromRow(
  row: TransitionRow,
  parseDate: ParseDate,
): ProposalTransitionRecord {
  return {
    id: row.id,
    seq: String(row.seq),
    proposalId: row.proposal_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    round: row.round,
    at: parseDate(row.at),
    by: row.by,
    reason: row.reason,
  };
}

export function outcomeFromRow(row: OutcomeRow, parseDate: ParseDate): ProposalOutcomeRecord {
  return {
    proposalId: row.proposal_id,
    outcome: row.outcome,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: parseDate(row.recorded_at),
  };
}

export function ledgerEntryFromRow(row: LedgerRow): LedgerEntry {
  return {
    proposalId: row.proposal_id,
    position: row.position,
    kind: row.kind,
    at: row.at,
    payload: row.payload,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
