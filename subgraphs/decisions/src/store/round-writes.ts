import type { BiasFinding, RoundResult } from '../domain/cmp/contracts.js';
import { LedgerKind, roundPayload } from '../domain/ledger.js';
import type { VotingRoundRecord } from './records.js';
import type { LedgerWrites } from './ledger-writes.js';
import { roundFromRow, type VotingRoundRow } from './rows.js';
import type { SqlConnection } from '@daena/platform';

export interface RoundClosing {
  because: string;
  result: RoundResult;
  decision: string;
  findings: readonly BiasFinding[];
}

/** Voting rounds: opened with a deadline, closed once with their result and bias findings. */
export class RoundWrites {
  constructor(
    private readonly sql: SqlConnection,
    private readonly ledger: LedgerWrites,
  ) {}

  async open(proposalId: string, round: number, deadline: Date): Promise<VotingRoundRecord> {
    const [row] = await this.sql.rows<VotingRoundRow>(
      `insert into decisions.voting_rounds (proposal_id, round, deadline)
       values (?, ?, ?) returning *`,
      [proposalId, round, deadline],
    );
    return roundFromRow(row as VotingRoundRow, this.sql.parseDate);
  }

  async find(proposalId: string, round: number): Promise<VotingRoundRecord | null> {
    const [row] = await this.sql.rows<VotingRoundRow>(
      'select * from decisions.voting_rounds where proposal_id = ? and round = ?',
      [proposalId, round],
    );
    return row ? roundFromRow(row, this.sql.parseDate) : null;
  }

  /** Closes an open round and records its result in the ledger; null when it was already closed. */
  async close(
    proposalId: string,
    round: number,
    closing: RoundClosing,
  ): Promise<VotingRoundRecord | null> {
    const { result } = closing;
    const [row] = await this.sql.rows<VotingRoundRow>(
      `update decisions.voting_rounds
          set closed_at = now(), closed_because = ?, support = ?, interval_low = ?,
              interval_high = ?, margin = ?, participation = ?, decision = ?,
              bias_findings = ?::jsonb
        where proposal_id = ? and round = ? and closed_at is null
        returning *`,
      [
        closing.because,
        result.support,
        result.interval.low,
        result.interval.high,
        result.margin,
        result.participation,
        closing.decision,
        JSON.stringify(closing.findings),
        proposalId,
        round,
      ],
    );
    if (!row) return null;
    const closed = roundFromRow(row, this.sql.parseDate);
    await this.ledger.append(proposalId, LedgerKind.ROUND_CLOSED, {
      ...roundPayload(closed),
      because: closing.because,
      findings: closing.findings.map((finding) => ({
        kind: finding.kind,
        agentIds: finding.agentIds,
        mitigation: finding.mitigation,
      })),
    });
    return closed;
  }
}
