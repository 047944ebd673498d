import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { BatchJob, JobContract, JobQueue } from '@daena/platform';
import type { Stakeholder, Threshold } from '../domain/cmp/contracts.js';
import { isUuid, uuidArrayLiteral } from '../domain/ids.js';
import { LedgerKind } from '../domain/ledger.js';
import type { TransitionDraft } from '../domain/lifecycle.js';
import { isClosed, type ProposalDraft, type ProposalStatus } from '../domain/proposal.js';
import type {
  ProposalRecord,
  ProposalStakeholderRecord,
  ProposalTransitionRecord,
} from './entities.js';
import {
  proposalFromRow,
  transitionFromRow,
  type ParseDate,
  type ProposalRow,
  type TransitionRow,
} from './rows.js';
import { HistoryRepository, type SqlRows } from './history-repository.js';
import { LedgerWrites } from './ledger-writes.js';
import { RoundWrites } from './round-writes.js';
import { VoteWrites } from './vote-writes.js';

/**
 * Runs `work` in one Postgres transaction: everything it writes, the jobs it queues included,
 * commits together or not at all.
 */
export function runInTransaction<T>(
  em: EntityManager,
  jobs: JobQueue | undefined,
  work: (tx: DecisionTransaction) => Promise<T>,
): Promise<T> {
  const platform = em.getPlatform();
  const parseDate: ParseDate = (value) => platform.parseDate(value);
  return em.getKnex().transaction((trx) => work(new DecisionTransaction(trx, parseDate, jobs)));
}

export type RawRows = SqlRows;

export interface NewProposal extends ProposalDraft {
  id: string;
  createdBy: string;
  requesterSubject: string;
}

/** A person's recorded outcomes: votes that matched them, and votes that did not. */
export interface PersonRecord {
  hits: number;
  misses: number;
}

/** A stakeholder as the open operation snapshots it. */
export interface StakeholderSnapshot extends Stakeholder {
  role: string;
  departmentId: string;
}

/** The writes of the decisions store, each inside the caller's transaction. */
export class DecisionTransaction {
  readonly rounds: RoundWrites;
  readonly votes: VoteWrites;
  /** The proposal's hash chain: the writes below append to it as they go. */
  readonly ledger: LedgerWrites;
  /** History reads on this transaction's connection (a round closes while holding a lock). */
  readonly history: HistoryRepository;

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly parseDate: ParseDate,
    private readonly jobs: JobQueue | undefined,
  ) {
    this.ledger = new LedgerWrites(this.rows);
    this.rounds = new RoundWrites(this.rows, parseDate, this.ledger);
    this.votes = new VoteWrites(this.rows, parseDate, this.ledger);
    this.history = new HistoryRepository(this.rows);
  }

  private readonly rows: RawRows = async <T>(sql: string, bindings: readonly unknown[]) => {
    const result: { rows: T[] } = await this.trx.raw(sql, bindings as never);
    return result.rows;
  };

  /** Whether this service has a job queue (without one, rounds close on votes only). */
  get queuesJobs(): boolean {
    return this.jobs !== undefined;
  }

  /**
   * Queues jobs in this transaction (the queue's tables live in the same database): they exist
   * exactly when these writes commit, so a crash right after the commit cannot lose a round's
   * vote requests or deadline, and a rolled-back write leaves no job behind. A no-op without a
   * job queue (`queuesJobs`).
   */
  async sendJobs<T>(contract: JobContract<T>, jobs: readonly BatchJob<T>[]): Promise<void> {
    await this.jobs?.sendMany(contract, jobs, { transaction: this.trx });
  }

  /** Cancels, in this transaction, the queued jobs whose payload contains `match`. */
  async cancelJobs<T>(contract: JobContract<T>, match: Partial<T>): Promise<number> {
    return (await this.jobs?.cancelQueued(contract, match, { transaction: this.trx })) ?? 0;
  }

  /**
   * Locks the proposal row until commit. Votes, round closes and interventions on one proposal
   * therefore run one at a time: a vote never lands in a round being closed, and sequence numbers
   * of one proposal's votes are handed out in commit order (which `voteTally(asOfVote:)` relies on).
   */
  async lockProposal(id: string): Promise<ProposalRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.rows<ProposalRow>(
      'select * from decisions.proposals where id = ? for update',
      [id],
    );
    return row ? proposalFromRow(row, this.parseDate) : null;
  }

  /** The stakeholder agents snapshotted at open: who is asked to vote and completes a round. */
  stakeholders(proposalId: string): Promise<ProposalStakeholderRecord[]> {
    return this.voters(proposalId, 'person_subject is null');
  }

  /** The people (executives) who voted on the proposal, each with the voter id they vote under. */
  personVoters(proposalId: string): Promise<ProposalStakeholderRecord[]> {
    return this.voters(proposalId, 'person_subject is not null');
  }

  /**
   * The voter id `subject` votes under on this proposal: the one given on their first vote, else
   * a new one, stored with the executive prior's evidence. Called under the proposal's lock.
   */
  async personVoter(
    proposalId: string,
    subject: string,
    evidenceOf: (record: PersonRecord) => { logOdds: number; variance: number; why: string },
  ): Promise<string> {
    const [existing] = await this.rows<{ agent_id: string }>(
      `select agent_id from decisions.proposal_stakeholders
        where proposal_id = ? and person_subject = ?`,
      [proposalId, subject],
    );
    if (existing) return existing.agent_id;
    const evidence = evidenceOf(await this.personRecord(subject));
    const id = randomUUID();
    await this.rows(
      `insert into decisions.proposal_stakeholders
         (proposal_id, agent_id, weight, why, role, person_subject, log_odds, log_odds_variance)
       values (?, ?, 0, ?, 'executive', ?, ?, ?)`,
      [proposalId, id, evidence.why, subject, evidence.logOdds, evidence.variance],
    );
    return id;
  }

  /**
   * How a person's votes turned out: their last decisive vote on each proposal whose outcome was
   * recorded, against that outcome.
   */
  private async personRecord(subject: string): Promise<PersonRecord> {
    const [row] = await this.rows<{ hits: string; misses: string }>(
      `select count(*) filter (where v.choice = o.outcome) as hits,
              count(*) filter (where v.choice <> o.outcome) as misses
         from (select distinct on (proposal_id) proposal_id, choice
                 from decisions.votes
                where person_subject = ? and choice <> 'ABSTAIN'
                order by proposal_id, round desc) v
         join decisions.proposal_outcomes o on o.proposal_id = v.proposal_id`,
      [subject],
    );
    return { hits: Number(row?.hits ?? 0), misses: Number(row?.misses ?? 0) };
  }

  private async voters(proposalId: string, which: string): Promise<ProposalStakeholderRecord[]> {
    const rows = await this.rows<{
      agent_id: string;
      weight: number;
      why: string;
      role: string | null;
      department_id: string | null;
      log_odds: number | null;
      log_odds_variance: number | null;
      person_subject: string | null;
    }>(
      `select agent_id, weight, why, role, department_id, log_odds, log_odds_variance,
              person_subject
         from decisions.proposal_stakeholders
        where proposal_id = ? and ${which}
        order by agent_id`,
      [proposalId],
    );
    return rows.map((row) => ({
      proposalId,
      agentId: row.agent_id,
      weight: row.weight,
      why: row.why,
      role: row.role,
      departmentId: row.department_id,
      logOdds: row.log_odds,
      logOddsVariance: row.log_odds_variance,
      personSubject: row.person_subject,
    }));
  }

  async insertDraft(proposal: NewProposal): Promise<ProposalRecord> {
    const [row] = await this.rows<ProposalRow>(
      `insert into decisions.proposals
         (id, title, description, department_id, department_ids, status, kind, risk,
          stakeholder_impact, urgency, created_by, requester_subject, requester_agent_id,
          deadline, max_rounds, current_round, round_seconds)
       values (?, ?, ?, ?, ?::uuid[], 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
       returning *`,
      [
        proposal.id,
        proposal.title,
        proposal.description,
        proposal.departmentId,
        uuidArrayLiteral(proposal.departmentIds),
        proposal.kind,
        proposal.risk,
        proposal.stakeholderImpact,
        proposal.urgency,
        proposal.createdBy,
        proposal.requesterSubject,
        proposal.requesterAgentId,
        proposal.deadline,
        proposal.maxRounds,
        proposal.roundSeconds,
      ],
    );
    const created = proposalFromRow(row as ProposalRow, this.parseDate);
    await this.ledger.append(created.id, LedgerKind.CREATED, {
      title: created.title,
      description: created.description,
      kind: created.kind,
      risk: created.risk,
      stakeholderImpact: created.stakeholderImpact,
      urgency: created.urgency,
      departmentIds: proposal.departmentIds,
      requester: proposal.requesterSubject,
      requesterAgentId: proposal.requesterAgentId,
      deadline: proposal.deadline?.toISOString() ?? null,
      maxRounds: proposal.maxRounds,
      createdBy: proposal.createdBy,
    });
    return created;
  }

  /** DRAFT → OPEN: the threshold and the stakeholder snapshot, in round 1. */
  async open(
    id: string,
    threshold: Threshold,
    stakeholders: readonly StakeholderSnapshot[],
  ): Promise<ProposalRecord> {
    const [row] = await this.rows<ProposalRow>(
      `update decisions.proposals
          set status = 'OPEN', current_round = 1, opened_at = now(), threshold = ?,
              threshold_explanation = ?, threshold_terms = ?::jsonb
        where id = ? and status = 'DRAFT'
        returning *`,
      [threshold.value, threshold.explanation, JSON.stringify(threshold.terms), id],
    );
    await this.trx
      .withSchema('decisions')
      .table('proposal_stakeholders')
      .insert(
        stakeholders.map((stakeholder) => ({
          proposal_id: id,
          agent_id: stakeholder.agentId,
          weight: stakeholder.weight,
          why: stakeholder.why,
          role: stakeholder.role,
          department_id: stakeholder.departmentId,
          log_odds: stakeholder.logOdds ?? null,
          log_odds_variance: stakeholder.logOddsVariance ?? null,
        })),
      );
    await this.ledger.append(id, LedgerKind.OPENED, {
      threshold: threshold.value,
      thresholdTerms: threshold.terms,
      stakeholders: stakeholders.map((s) => ({ agentId: s.agentId, weight: s.weight, why: s.why })),
    });
    return proposalFromRow(row as ProposalRow, this.parseDate);
  }

  /** Moves the proposal to `status` (and `round`); closed statuses stamp `closed_at`. */
  async setStatus(id: string, status: ProposalStatus, round: number): Promise<ProposalRecord> {
    const [row] = await this.rows<ProposalRow>(
      `update decisions.proposals
          set status = ?, current_round = ?, closed_at = case when ? then now() else null end
        where id = ?
        returning *`,
      [status, round, isClosed(status), id],
    );
    return proposalFromRow(row as ProposalRow, this.parseDate);
  }

  async recordTransition(
    proposalId: string,
    id: string,
    transition: TransitionDraft,
  ): Promise<ProposalTransitionRecord & { ledgerHash: string }> {
    const [row] = await this.rows<TransitionRow>(
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
    const recorded = transitionFromRow(row as TransitionRow, this.parseDate);
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

  /**
   * Stores the real-world outcome once. Returns false when one is already recorded (nothing is
   * written); the caller tells an identical repeat from a contradicting one.
   */
  async recordOutcome(
    proposalId: string,
    outcome: string,
    note: string,
    recordedBy: string,
  ): Promise<boolean> {
    const inserted = await this.rows<{ proposal_id: string }>(
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

  async outcomeOf(proposalId: string): Promise<{ outcome: string; note: string } | null> {
    const [row] = await this.rows<{ outcome: string; note: string }>(
      'select outcome, note from decisions.proposal_outcomes where proposal_id = ?',
      [proposalId],
    );
    return row ?? null;
  }
}
