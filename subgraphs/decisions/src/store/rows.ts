import type { ProposalStatus } from '../domain/proposal.js';
import type { VoteChoice } from '../domain/vote.js';
import type { ProposalRecord, VoteRecord } from './entities.js';

/**
 * Rows as raw SQL returns them on MikroORM's connection: bigint and timestamptz as strings (MikroORM
 * keeps Postgres' text form of timestamps and parses it with its platform's `parseDate`).
 */
export type ParseDate = (value: string) => Date;

export interface ProposalRow {
  id: string;
  title: string;
  description: string;
  department_id: string;
  status: ProposalStatus;
  created_by: string;
  created_at: string;
  deadline: string | null;
  closed_at: string | null;
}

export interface VoteRow {
  id: string;
  proposal_id: string;
  agent_id: string;
  round: number;
  choice: VoteChoice;
  confidence: number;
  rationale: string | null;
  seq: string;
  created_at: string;
  updated_at: string;
}

export function proposalFromRow(row: ProposalRow, parseDate: ParseDate): ProposalRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    departmentId: row.department_id,
    status: row.status,
    createdBy: row.created_by,
    createdAt: parseDate(row.created_at),
    deadline: row.deadline === null ? null : parseDate(row.deadline),
    closedAt: row.closed_at === null ? null : parseDate(row.closed_at),
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
    seq: String(row.seq),
    createdAt: parseDate(row.created_at),
    updatedAt: parseDate(row.updated_at),
  };
}
