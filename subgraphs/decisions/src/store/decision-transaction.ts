import type { EntityManager } from '@mikro-orm/postgresql';
import { type JobQueue, transactionConnection, type SqlConnection } from '@daena/platform';
import { ExecutiveVoters } from './executive-voters.js';
import { HistoryRepository } from './history-repository.js';
import { LedgerWrites } from './ledger-writes.js';
import { OutcomeWrites } from './outcome-writes.js';
import { ProposalWrites } from './proposal-writes.js';
import { RoundWrites } from './round-writes.js';
import { StakeholderWrites } from './stakeholder-writes.js';
import { TransactionJobs } from './transaction-jobs.js';
import { TransitionWrites } from './transition-writes.js';
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
  return em
    .getKnex()
    .transaction((trx) =>
      work(new DecisionTransaction(transactionConnection(em, trx), new TransactionJobs(trx, jobs))),
    );
}

/** The decisions store inside one transaction, one member per kind of data it writes. */
export class DecisionTransaction {
  /** The proposal's hash chain: the writes below append to it as they go. */
  readonly ledger: LedgerWrites;
  readonly proposals: ProposalWrites;
  readonly stakeholders: StakeholderWrites;
  readonly executives: ExecutiveVoters;
  readonly transitions: TransitionWrites;
  readonly rounds: RoundWrites;
  readonly votes: VoteWrites;
  readonly outcomes: OutcomeWrites;
  /** History reads on this transaction's connection (a round closes while holding a lock). */
  readonly history: HistoryRepository;

  constructor(
    sql: SqlConnection,
    readonly jobs: TransactionJobs,
  ) {
    this.ledger = new LedgerWrites(sql);
    this.stakeholders = new StakeholderWrites(sql);
    this.proposals = new ProposalWrites(sql, this.ledger, this.stakeholders);
    this.executives = new ExecutiveVoters(sql);
    this.transitions = new TransitionWrites(sql, this.ledger);
    this.rounds = new RoundWrites(sql, this.ledger);
    this.votes = new VoteWrites(sql, this.ledger);
    this.outcomes = new OutcomeWrites(sql, this.ledger);
    this.history = new HistoryRepository(sql);
  }
}
