import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { isUuid } from '../domain/ids.js';
import type { ClosedStatus, ProposalDraft } from '../domain/proposal.js';
import type { CountedVote } from '../domain/tally.js';
import type { Ballot } from '../domain/vote.js';
import type { ProposalRecord, VoteRecord } from './entities.js';
import {
  proposalFromRow,
  voteFromRow,
  type ParseDate,
  type ProposalRow,
  type VoteRow,
} from './rows.js';

export interface CastResult {
  vote: VoteRecord;
  /** False when the same vote was already recorded: nothing was written. */
  changed: boolean;
}

/** Runs `work` in one Postgres transaction: everything it writes commits together or not at all. */
export function runInTransaction<T>(
  em: EntityManager,
  work: (tx: DecisionTransaction) => Promise<T>,
): Promise<T> {
  const platform = em.getPlatform();
  const parseDate: ParseDate = (value) => platform.parseDate(value);
  return em.getKnex().transaction((trx) => work(new DecisionTransaction(trx, parseDate)));
}

/** The writes of the decisions store, each inside the caller's transaction. */
export class DecisionTransaction {
  constructor(
    private readonly trx: Knex.Transaction,
    private readonly parseDate: ParseDate,
  ) {}

  private async rows<T>(sql: string, bindings: readonly unknown[]): Promise<T[]> {
    const result: { rows: T[] } = await this.trx.raw(sql, bindings as never);
    return result.rows;
  }

  /**
   * Locks the proposal row until commit. Votes and closing of one proposal therefore run one at a
   * time: a vote never lands on a proposal being closed, and sequence numbers of one proposal's
   * votes are handed out in commit order (which `voteTally(asOfVote:)` relies on).
   */
  async lockProposal(id: string): Promise<ProposalRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.rows<ProposalRow>(
      'select * from decisions.proposals where id = ? for update',
      [id],
    );
    return row ? proposalFromRow(row, this.parseDate) : null;
  }

  async stakeholderIds(proposalId: string): Promise<string[]> {
    const rows = await this.rows<{ agent_id: string }>(
      'select agent_id from decisions.proposal_stakeholders where proposal_id = ?',
      [proposalId],
    );
    return rows.map((row) => row.agent_id);
  }

  async insertProposal(
    proposal: ProposalDraft & { id: string; createdBy: string },
    stakeholderIds: readonly string[],
  ): Promise<ProposalRecord> {
    const [row] = await this.rows<ProposalRow>(
      `insert into decisions.proposals (id, title, description, department_id, created_by, deadline)
       values (?, ?, ?, ?, ?, ?)
       returning *`,
      [
        proposal.id,
        proposal.title,
        proposal.description,
        proposal.departmentId,
        proposal.createdBy,
        proposal.deadline,
      ],
    );
    await this.trx
      .withSchema('decisions')
      .table('proposal_stakeholders')
      .insert(stakeholderIds.map((agentId) => ({ proposal_id: proposal.id, agent_id: agentId })));
    return proposalFromRow(row as ProposalRow, this.parseDate);
  }

  async votesOf(proposalId: string, round: number): Promise<CountedVote[]> {
    return this.rows<CountedVote>(
      'select choice, confidence from decisions.votes where proposal_id = ? and round = ?',
      [proposalId, round],
    );
  }

  async closeProposal(id: string, status: ClosedStatus): Promise<ProposalRecord> {
    const [row] = await this.rows<ProposalRow>(
      `update decisions.proposals set status = ?, closed_at = now() where id = ? returning *`,
      [status, id],
    );
    return proposalFromRow(row as ProposalRow, this.parseDate);
  }

  /**
   * Records a vote once per (proposal, round, agent). A new vote is inserted; a changed one
   * overwrites the row with a new `seq`; the same vote again matches the `where` of the upsert,
   * so nothing is written and the stored vote comes back with `changed: false`. Every accepted
   * vote is also appended to the history.
   */
  async upsertVote(id: string, ballot: Ballot): Promise<CastResult> {
    const accepted = await this.rows<VoteRow>(
      `with accepted as (
         insert into decisions.votes as v
           (id, proposal_id, agent_id, round, choice, confidence, rationale)
         values (?, ?, ?, ?, ?, ?, ?)
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
           (seq, vote_id, proposal_id, agent_id, round, choice, confidence, rationale)
         select seq, id, proposal_id, agent_id, round, choice, confidence, rationale from accepted
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
      ],
    );
    if (accepted[0]) return { vote: voteFromRow(accepted[0], this.parseDate), changed: true };
    const [existing] = await this.rows<VoteRow>(
      'select * from decisions.votes where proposal_id = ? and round = ? and agent_id = ?',
      [ballot.proposalId, ballot.round, ballot.agentId],
    );
    return { vote: voteFromRow(existing as VoteRow, this.parseDate), changed: false };
  }
}
