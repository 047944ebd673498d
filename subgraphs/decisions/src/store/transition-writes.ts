import { LedgerKind } from '../domain/ledger.js';
import type { TransitionDraft } from '../domain/lifecycle.js';
import type { ProposalTransitionRecord } from './records.js';
import type { LedgerWrites } from './ledger-writes.js';
import { transitionFromRow, type TransitionRow } from './rows.js';
import type { SqlConnection } from '@daena/platform';

/** A proposal's transitions: each stored once and appended to its ledger. */
export class TransitionWrites {
  constructor(
    private readonly sql: SqlConnection,
    private readonly ledger: LedgerWrites,
  ) {}

  async record(
    proposalId: string,
    id: string,
    transition: TransitionDraft,
  ): Promise<ProposalTransitionRecord & { ledgerHash: string }> {
    const [row] = await this.sql.rows<TransitionRow>(
      `insert into decisions.proposal_transitions
         (id, proposal_id, from_status, to_status, round, by, reason)
       values (?, ?, ?, ?, ?, ?, ?)
       returning *`,
      [
        id,
        proposalId,
        transition.from,
        transition.to,
        transition.round,
        transition.by,
        transition.reason,
      ],
    );
    const recorded = transitionFromRow(row as TransitionRow, this.sql.parseDate);
    const entry = await this.ledger.append(proposalId, LedgerKind.TRANSITION, {
      transitionId: recorded.id,
      from: transition.from,
      to: transition.to,
      round: transition.round,
      by: transition.by,
      reason: transition.reason,
    });
    return { ...recorded, ledgerHash: entry.hash };
  }
}
