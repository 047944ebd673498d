import type { Knex } from '@mikro-orm/postgresql';
import type { BatchJob, JobContract, JobQueue } from '@daena/platform';

/**
 * Jobs queued and cancelled inside a write transaction (the queue's tables live in the same
 * database): they exist exactly when the writes commit, so a crash right after the commit cannot
 * lose a round's vote requests or deadline, and a rolled-back write leaves no job behind. Without
 * a job queue (rounds then close on votes only) both are no-ops.
 */
export class TransactionJobs {
  constructor(
    private readonly trx: Knex.Transaction,
    private readonly queue: JobQueue | undefined,
  ) {}

  async send<T>(contract: JobContract<T>, jobs: readonly BatchJob<T>[]): Promise<void> {
    await this.queue?.sendMany(contract, jobs, { transaction: this.trx });
  }

  /** Cancels the queued jobs whose payload contains `match`; returns how many. */
  async cancel<T>(contract: JobContract<T>, match: Partial<T>): Promise<number> {
    return (await this.queue?.cancelQueued(contract, match, { transaction: this.trx })) ?? 0;
  }
}
