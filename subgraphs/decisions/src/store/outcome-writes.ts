import { LedgerKind } from '../domain/ledger.js';
import type { LedgerWrites } from './ledger-writes.js';
import type { SqlConnection } from '@daena/platform';

/** The real-world outcome of a closed proposal: recorded once, and appended to its ledger. */
export class OutcomeWrites {
  constructor(
    private readonly sql: SqlConnection,
    private readonly ledger: LedgerWrites,
  ) {}

  /**
   * Stores the outcome once. Returns false when one is already recorded (nothing is written);
   * the caller tells an identical repeat from a contradicting one.
   */
  async record(
    proposalId: string,
    outcome: string,
    note: string,
    recordedBy: string,
  ): Promise<boolean> {
    const inserted = await this.sql.rows<{ proposal_id: string }>(
      `insert into decisions.proposal_outcomes (proposal_id, outcome, note, recorded_by)
       values (?, ?, ?, ?)
       on conflict (proposal_id) do nothing
       returning proposal_id`,
      [proposalId, outcome, note, recordedBy],
    );
    if (inserted.length === 0) return false;
    await this.ledger.append(proposalId, LedgerKind.OUTCOME, { outcome, note, recordedBy });
    return true;
  }

  async find(proposalId: string): Promise<{ outcome: string; note: string } | null> {
    const [row] = await this.sql.rows<{ outcome: string; note: string }>(
      'select outcome, note from decisions.proposal_outcomes where proposal_id = ?',
      [proposalId],
    );
    return row ?? null;
  }
}
