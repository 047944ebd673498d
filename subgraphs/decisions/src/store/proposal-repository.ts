import { isUuid, uuidArrayLiteral, type SqlConnection } from '@daena/platform';
import type { LedgerEntry } from '../domain/ledger.js';
import type { ProposalStatus } from '../domain/proposal.js';
import type {
  ProposalOutcomeRecord,
  ProposalRecord,
  ProposalStakeholderRecord,
  ProposalTransitionRecord,
  VotingRoundRecord,
} from './records.js';
import {
  ledgerEntryFromRow,
  outcomeFromRow,
  proposalFromRow,
  roundFromRow,
  stakeholderFromRow,
  transitionFromRow,
  type LedgerRow,
  type OutcomeRow,
  type ProposalRow,
  type StakeholderRow,
  type TransitionRow,
  type VotingRoundRow,
} from './rows.js';

export interface ProposalFilter {
  status?: ProposalStatus | null | undefined;
  /** Proposals that affect this department (proposed by it or not). */
  departmentId?: string | null | undefined;
  /**
   * Proposals closed at or after this instant, oldest close first: a reader that follows what
   * closed (agents' sweep) reads from where it stopped, at a cost that does not grow with history.
   */
  closedSince?: Date | null | undefined;
  limit: number;
}

/**
 * Reads of proposals; one instance per request, on that request's connection. Every read goes to
 * Postgres (nothing is cached here), so a read after a write in the same request sees the write.
 * A malformed id can match no uuid row, so it is dropped rather than sent (Postgres would only
 * raise a cast error).
 */
export class ProposalRepository {
  constructor(private readonly sql: SqlConnection) {}

  async byIds(ids: readonly string[]): Promise<ProposalRecord[]> {
    const rows = await this.whereIdIn<ProposalRow>('proposals', 'id', ids);
    return rows.map((row) => proposalFromRow(row, this.sql.parseDate));
  }

  /**
   * Newest first (by close with `closedSince`, oldest first); ties on the timestamp broken by id
   * so pages are stable.
   */
  async list(filter: ProposalFilter): Promise<ProposalRecord[]> {
    if (filter.departmentId && !isUuid(filter.departmentId)) return [];
    const where: string[] = [];
    const bindings: unknown[] = [];
    if (filter.status) {
      where.push('status = ?');
      bindings.push(filter.status);
    }
    if (filter.departmentId) {
      where.push('department_ids @> array[?]::uuid[]');
      bindings.push(filter.departmentId);
    }
    if (filter.closedSince) {
      where.push('closed_at >= ?');
      bindings.push(filter.closedSince);
    }
    const order = filter.closedSince ? 'closed_at, id' : 'created_at desc, id desc';
    const rows = await this.sql.rows<ProposalRow>(
      `select * from decisions.proposals
        ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
        order by ${order}
        limit ?`,
      [...bindings, filter.limit],
    );
    return rows.map((row) => proposalFromRow(row, this.sql.parseDate));
  }

  /** Heaviest first: the order a person reads a stakeholder list in. */
  async stakeholdersOf(proposalIds: readonly string[]): Promise<ProposalStakeholderRecord[]> {
    const rows = await this.whereIdIn<StakeholderRow>(
      'proposal_stakeholders',
      'proposal_id',
      proposalIds,
      'proposal_id, weight desc, agent_id',
    );
    return rows.map(stakeholderFromRow);
  }

  async roundsOf(proposalIds: readonly string[]): Promise<VotingRoundRecord[]> {
    const rows = await this.whereIdIn<VotingRoundRow>(
      'voting_rounds',
      'proposal_id',
      proposalIds,
      'proposal_id, round',
    );
    return rows.map((row) => roundFromRow(row, this.sql.parseDate));
  }

  /** Every transition of each proposal, in the order they happened. */
  async transitionsOf(proposalIds: readonly string[]): Promise<ProposalTransitionRecord[]> {
    const rows = await this.whereIdIn<TransitionRow>(
      'proposal_transitions',
      'proposal_id',
      proposalIds,
      'proposal_id, seq',
    );
    return rows.map((row) => transitionFromRow(row, this.sql.parseDate));
  }

  async transitionsByIds(ids: readonly string[]): Promise<ProposalTransitionRecord[]> {
    const rows = await this.whereIdIn<TransitionRow>('proposal_transitions', 'id', ids);
    return rows.map((row) => transitionFromRow(row, this.sql.parseDate));
  }

  async outcomesOf(
    proposalIds: readonly string[],
  ): Promise<(ProposalOutcomeRecord & { id: string })[]> {
    const rows = await this.whereIdIn<OutcomeRow>('proposal_outcomes', 'proposal_id', proposalIds);
    return rows.map((row) => ({ ...outcomeFromRow(row, this.sql.parseDate), id: row.proposal_id }));
  }

  /** Each proposal's ledger, in chain order. */
  async ledgersOf(proposalIds: readonly string[]): Promise<LedgerEntry[]> {
    const rows = await this.whereIdIn<LedgerRow>(
      'ledger',
      'proposal_id',
      proposalIds,
      'proposal_id, position',
    );
    return rows.map(ledgerEntryFromRow);
  }

  /** Every current vote of the proposal (all rounds): what verification checks against the chain. */
  async votesOf(
    proposalId: string,
  ): Promise<
    { id: string; choice: string; confidence: number; rationale: string | null; updatedAt: Date }[]
  > {
    const rows = await this.sql.rows<{
      id: string;
      choice: string;
      confidence: number;
      rationale: string | null;
      updated_at: string;
    }>(
      `select id, choice, confidence, rationale, updated_at from decisions.votes
        where proposal_id = ?`,
      [proposalId],
    );
    return rows.map((row) => ({
      id: row.id,
      choice: row.choice,
      confidence: row.confidence,
      rationale: row.rationale,
      updatedAt: this.sql.parseDate(row.updated_at),
    }));
  }

  /** The rows of `table` whose uuid `column` is one of `ids`, in `orderBy` order if given. */
  private async whereIdIn<T>(
    table: string,
    column: string,
    ids: readonly string[],
    orderBy?: string,
  ): Promise<T[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.sql.rows<T>(
      `select * from decisions.${table} where ${column} = any(?::uuid[])
        ${orderBy ? `order by ${orderBy}` : ''}`,
      [uuidArrayLiteral(valid)],
    );
  }
}
