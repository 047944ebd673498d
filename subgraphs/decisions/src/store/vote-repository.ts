import { isUuid, uuidArrayLiteral, type SqlConnection } from '@daena/platform';
import type { CountedVote } from '../domain/tally.js';
import type { VoteRecord } from './records.js';
import { voteFromRow, type VoteRow } from './rows.js';

/** Reads of votes; one instance per request, on that request's connection. */
export class VoteRepository {
  constructor(private readonly sql: SqlConnection) {}

  async byIds(ids: readonly string[]): Promise<VoteRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.sql.rows<VoteRow>(
      'select * from decisions.votes where id = any(?::uuid[])',
      [uuidArrayLiteral(valid)],
    );
    return rows.map((row) => voteFromRow(row, this.sql.parseDate));
  }

  /** The current votes of the given rounds, in the order they were accepted. */
  async ofRounds(rounds: readonly { proposalId: string; round: number }[]): Promise<VoteRecord[]> {
    if (rounds.length === 0) return [];
    const rows = await this.sql.rows<VoteRow>(
      `select * from decisions.votes
        where (proposal_id, round) in (${rounds.map(() => '(?::uuid, ?::int)').join(', ')})
        order by proposal_id, seq`,
      rounds.flatMap((key) => [key.proposalId, key.round]),
    );
    return rows.map((row) => voteFromRow(row, this.sql.parseDate));
  }

  /**
   * Each agent's vote as it stood once the vote with sequence number `seq` was accepted: the
   * latest history entry per agent up to `seq`. Votes of a proposal are accepted one at a time
   * (castVote locks the proposal row), so every entry up to `seq` had committed by then.
   */
  asOf(
    proposalId: string,
    round: number,
    seq: string,
  ): Promise<(CountedVote & { agentId: string; personSubject: string | null })[]> {
    return this.sql.rows<CountedVote & { agentId: string; personSubject: string | null }>(
      `select distinct on (agent_id) agent_id as "agentId", choice, confidence,
              person_subject as "personSubject"
         from decisions.vote_history
        where proposal_id = ? and round = ? and seq <= ?
        order by agent_id, seq desc`,
      [proposalId, round, seq],
    );
  }
}
