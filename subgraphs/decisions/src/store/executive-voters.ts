import { randomUUID } from 'node:crypto';
import { personRecordOf, type Outcome, type PersonRecord } from '../domain/cmp/index.js';
import type { SqlConnection } from '@daena/platform';

/** The evidence an executive's votes carry on a proposal, and why (`executiveEvidence`). */
export type ExecutiveEvidence = (record: PersonRecord) => {
  logOdds: number;
  variance: number;
  why: string;
};

/** Executives as voters: a voter id of their own per proposal, and their track record. */
export class ExecutiveVoters {
  constructor(private readonly sql: SqlConnection) {}

  /**
   * The voter id `subject` votes under on this proposal: the one given on their first vote, else
   * a new one, stored with the executive prior's evidence. Called under the proposal's lock.
   */
  async voterId(
    proposalId: string,
    subject: string,
    evidenceOf: ExecutiveEvidence,
  ): Promise<string> {
    const [existing] = await this.sql.rows<{ agent_id: string }>(
      `select agent_id from decisions.proposal_stakeholders
        where proposal_id = ? and person_subject = ?`,
      [proposalId, subject],
    );
    if (existing) return existing.agent_id;
    const evidence = evidenceOf(await this.recordOf(subject));
    const id = randomUUID();
    await this.sql.rows(
      `insert into decisions.proposal_stakeholders
         (proposal_id, agent_id, weight, why, role, person_subject, log_odds, log_odds_variance)
       values (?, ?, 0, ?, 'executive', ?, ?, ?)`,
      [proposalId, id, evidence.why, subject, evidence.logOdds, evidence.variance],
    );
    return id;
  }

  /**
   * How a person's votes turned out: their last decisive vote on each proposal whose outcome was
   * recorded, against that outcome (`personRecordOf` tells a hit from a miss).
   */
  private async recordOf(subject: string): Promise<PersonRecord> {
    const rows = await this.sql.rows<{ choice: Outcome; outcome: Outcome; votes: string }>(
      `select v.choice, o.outcome, count(*) as votes
         from (select distinct on (proposal_id) proposal_id, choice
                 from decisions.votes
                where person_subject = ? and choice <> 'ABSTAIN'
                order by proposal_id, round desc) v
         join decisions.proposal_outcomes o on o.proposal_id = v.proposal_id
        group by v.choice, o.outcome`,
      [subject],
    );
    return personRecordOf(rows.map((row) => ({ ...row, votes: Number(row.votes) })));
  }
}
