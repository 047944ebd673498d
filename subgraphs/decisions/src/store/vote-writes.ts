import type { Ballot as CmpBallot } from '../domain/cmp/contracts.js';
import type { Ballot } from '../domain/vote.js';
import { LedgerKind, ballotDigest } from '../domain/ledger.js';
import type { VoteRecord } from './records.js';
import type { LedgerWrites } from './ledger-writes.js';
import { voteFromRow, type VoteRow } from './rows.js';
import type { SqlConnection } from '@daena/platform';

export interface CastResult {
  vote: VoteRecord;
  /** False when the same vote was already recorded: nothing was written. */
  changed: boolean;
}

/** Vote writes and the reads a transaction needs under the proposal's lock. */
export class VoteWrites {
  constructor(
    private readonly sql: SqlConnection,
    private readonly ledger: LedgerWrites,
  ) {}

  /**
   * Records a vote once per (proposal, round, agent). A new vote is inserted; a changed one
   * overwrites the row with a new `seq`; the same vote again matches the `where` of the upsert,
   * so nothing is written and the stored vote comes back with `changed: false`. Every accepted
   * vote is also appended to the history and, as a digest of its ballot, to the ledger.
   */
  async upsert(id: string, ballot: Ballot): Promise<CastResult> {
    const accepted = await this.sql.rows<VoteRow>(
      `with accepted as (
         insert into decisions.votes as v
           (id, proposal_id, agent_id, round, choice, confidence, rationale, person_subject)
         values (?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (proposal_id, round, agent_id) do update
           set choice = excluded.choice,
               confidence = excluded.confidence,
               rationale = excluded.rationale,
               seq = nextval(pg_get_serial_sequence('decisions.votes', 'seq')),
               updated_at = now()
           where (v.choice, v.confidence, v.rationale)
             is distinct from (excluded.choice, excluded.confidence, excluded.rationale)
         returning v.*
       ), logged as (
         insert into decisions.vote_history
           (seq, vote_id, proposal_id, agent_id, round, choice, confidence, rationale,
            person_subject)
         select seq, id, proposal_id, agent_id, round, choice, confidence, rationale,
                person_subject
           from accepted
       )
       select * from accepted`,
      [
        id,
        ballot.proposalId,
        ballot.agentId,
        ballot.round,
        ballot.choice,
        ballot.confidence,
        ballot.rationale,
        ballot.personSubject,
      ],
    );
    if (accepted[0]) {
      const vote = voteFromRow(accepted[0], this.sql.parseDate);
      await this.ledger.append(vote.proposalId, LedgerKind.VOTE, {
        voteId: vote.id,
        voter: vote.agentId,
        executive: vote.personSubject,
        round: vote.round,
        seq: vote.seq,
        ballot: ballotDigest(vote),
      });
      return { vote, changed: true };
    }
    const existing = await this.find(ballot.proposalId, ballot.round, ballot.agentId);
    return { vote: existing as VoteRecord, changed: false };
  }

  async find(proposalId: string, round: number, agentId: string): Promise<VoteRecord | null> {
    const [row] = await this.sql.rows<VoteRow>(
      'select * from decisions.votes where proposal_id = ? and round = ? and agent_id = ?',
      [proposalId, round, agentId],
    );
    return row ? voteFromRow(row, this.sql.parseDate) : null;
  }

  /** The proposal's ballots of rounds 1..`upTo`, one list per round, each in accepted order. */
  async ballotsByRound(proposalId: string, upTo: number): Promise<CmpBallot[][]> {
    const rows = await this.sql.rows<{
      round: number;
      agent_id: string;
      choice: CmpBallot['choice'];
      confidence: number;
      rationale: string | null;
    }>(
      `select round, agent_id, choice, confidence, rationale from decisions.votes
        where proposal_id = ? and round <= ? order by round, seq`,
      [proposalId, upTo],
    );
    const rounds: CmpBallot[][] = Array.from({ length: upTo }, () => []);
    for (const row of rows) {
      rounds[row.round - 1]?.push({
        agentId: row.agent_id,
        choice: row.choice,
        confidence: row.confidence,
        rationale: row.rationale,
      });
    }
    return rounds;
  }

  /** The round's agent votes: what completes a round (executives' votes do not hold it open). */
  async count(proposalId: string, round: number): Promise<number> {
    const [row] = await this.sql.rows<{ n: string }>(
      `select count(*) as n from decisions.votes
        where proposal_id = ? and round = ? and person_subject is null`,
      [proposalId, round],
    );
    return Number(row?.n ?? 0);
  }
}
