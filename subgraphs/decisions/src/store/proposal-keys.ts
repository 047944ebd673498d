import { isUniqueViolation, type SqlConnection } from '@daena/platform';
import type { ProposalRecord } from './records.js';
import { proposalFromRow, type ProposalRow } from './rows.js';

/** A proposal created under an idempotency key, and the fingerprint of the request that made it. */
export interface KeyedProposal {
  proposal: ProposalRecord;
  fingerprint: string;
}

/**
 * Proposals by their creator's idempotency key (migration 0008). The key is unique per creator,
 * so reads here are scoped to the caller and never show another creator's proposal.
 */
export class ProposalKeys {
  constructor(private readonly sql: SqlConnection) {}

  async byKey(createdBy: string, key: string): Promise<KeyedProposal | null> {
    const [row] = await this.sql.rows<ProposalRow & { idempotency_fingerprint: string }>(
      'select * from decisions.proposals where created_by = ? and idempotency_key = ?',
      [createdBy, key],
    );
    if (!row) return null;
    return {
      proposal: proposalFromRow(row, this.sql.parseDate),
      fingerprint: row.idempotency_fingerprint,
    };
  }
}

/** A create that lost the race for its key: another create of the same creator committed it. */
export function isKeyTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'proposals_idempotency_key');
}
