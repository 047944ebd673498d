import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, uuidArrayLiteral } from '../domain/ids.js';
import type { LedgerEntry } from '../domain/ledger.js';
import { ledgerEntryFromRow, type LedgerRow } from './ledger-writes.js';
import type { ProposalStatus } from '../domain/proposal.js';
import {
  ProposalEntity,
  ProposalOutcomeEntity,
  ProposalStakeholderEntity,
  ProposalTransitionEntity,
  VotingRoundEntity,
  type ProposalOutcomeRecord,
  type ProposalRecord,
  type ProposalStakeholderRecord,
  type ProposalTransitionRecord,
  type VotingRoundRecord,
} from './entities.js';

export interface ProposalFilter {
  status?: ProposalStatus | null | undefined;
  /** Proposals that affect this department (proposed by it or not). */
  departmentId?: string | null | undefined;
  limit: number;
}

/**
 * Reads of proposals; one instance per request, on that request's EntityManager fork. Reads skip
 * the identity map so a read after a write in the same request never sees a stale entity.
 */
export class ProposalRepository {
  constructor(private readonly em: EntityManager) {}

  byIds(ids: readonly string[]): Promise<ProposalRecord[]> {
    // A malformed id can match no uuid row; asking Postgres would only raise a cast error.
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(ProposalEntity, { id: { $in: valid } }, { disableIdentityMap: true });
  }

  /** Newest first; ties on the timestamp broken by id so pages are stable. */
  list(filter: ProposalFilter): Promise<ProposalRecord[]> {
    if (filter.departmentId && !isUuid(filter.departmentId)) {
      return Promise.resolve([]);
    }
    return this.em.find(
      ProposalEntity,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.departmentId ? { departmentIds: { $contains: [filter.departmentId] } } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: filter.limit, disableIdentityMap: true },
    );
  }

  /** Heaviest first: the order a person reads a stakeholder list in. */
  stakeholdersOf(proposalIds: readonly string[]): Promise<ProposalStakeholderRecord[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(
      ProposalStakeholderEntity,
      { proposalId: { $in: valid } },
      { orderBy: { proposalId: 'asc', weight: 'desc', agentId: 'asc' }, disableIdentityMap: true },
    );
  }

  roundsOf(proposalIds: readonly string[]): Promise<VotingRoundRecord[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(
      VotingRoundEntity,
      { proposalId: { $in: valid } },
      { orderBy: { proposalId: 'asc', round: 'asc' }, disableIdentityMap: true },
    );
  }

  /** Every transition of each proposal, in the order they happened. */
  transitionsOf(proposalIds: readonly string[]): Promise<ProposalTransitionRecord[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(
      ProposalTransitionEntity,
      { proposalId: { $in: valid } },
      { orderBy: { proposalId: 'asc', seq: 'asc' }, disableIdentityMap: true },
    );
  }

  transitionsByIds(ids: readonly string[]): Promise<ProposalTransitionRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(
      ProposalTransitionEntity,
      { id: { $in: valid } },
      { disableIdentityMap: true },
    );
  }

  async outcomesOf(
    proposalIds: readonly string[],
  ): Promise<(ProposalOutcomeRecord & { id: string })[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.em.find(
      ProposalOutcomeEntity,
      { proposalId: { $in: valid } },
      { disableIdentityMap: true },
    );
    return rows.map((row) => ({ ...row, id: row.proposalId }));
  }

  /** Each proposal's ledger, in chain order. */
  async ledgersOf(proposalIds: readonly string[]): Promise<LedgerEntry[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.em.execute<LedgerRow[]>(
      `select * from decisions.ledger where proposal_id = any(?::uuid[])
        order by proposal_id, position`,
      [uuidArrayLiteral(valid)],
    );
    return rows.map(ledgerEntryFromRow);
  }

  /** Every current vote of the proposal (all rounds): what verification checks against the chain. */
  async votesOf(
    proposalId: string,
  ): Promise<
    { id: string; choice: string; confidence: number; rationale: string | null; updatedAt: Date }[]
  > {
    const rows = await this.em.execute<
      {
        id: string;
        choice: string;
        confidence: number;
        rationale: string | null;
        updated_at: string;
      }[]
    >(
      `select id, choice, confidence, rationale, updated_at from decisions.votes
        where proposal_id = ?`,
      [proposalId],
    );
    const platform = this.em.getPlatform();
    return rows.map((row) => ({
      id: row.id,
      choice: row.choice,
      confidence: row.confidence,
      rationale: row.rationale,
      updatedAt: new Date(platform.parseDate(row.updated_at)),
    }));
  }
}
