/**
 * Durable work (ARCHITECTURE §3): a job is persisted before `send` resolves, survives restarts,
 * is retried with backoff when its handler throws, and runs on any replica that works its queue.
 * Handlers must be idempotent: a job may run more than once (at-least-once delivery).
 */

/** One typed definition per job type, imported by senders and workers alike (like events). */
export interface JobContract<T> {
  /** Queue name, e.g. `decisions.vote-request`. */
  readonly name: string;
  /** Parses a payload that came back from the store (throws BadInputError when malformed). */
  parse(data: unknown): T;
}

/**
 * A transaction of the caller's, on the queue's own database, that the job is written in: the
 * job then exists exactly when the caller's writes commit (a knex transaction fits).
 */
export interface JobTransaction {
  raw(sql: string, bindings?: readonly unknown[]): Promise<unknown>;
}

export interface SendOptions {
  /** Do not run before this time (round deadlines). */
  startAfter?: Date;
  /**
   * At most one job with this key is queued or running per queue: sending again is a no-op
   * (e.g. `${proposalId}:${round}:${agentId}`).
   */
  singletonKey?: string;
  /** Attempts before the job is given up (default 5). */
  retryLimit?: number;
  /**
   * The worker running the job proves it is alive this often (seconds, ≥ 10); a job whose worker
   * died is retried once a beat is missed, instead of after the queue's 15-minute expiry.
   */
  heartbeatSeconds?: number;
  /** Writes the job in this transaction instead of on the queue's own connection. */
  transaction?: JobTransaction;
}

/** One job of a `sendMany` batch. */
export interface BatchJob<T> extends Pick<
  SendOptions,
  'startAfter' | 'singletonKey' | 'retryLimit' | 'heartbeatSeconds'
> {
  data: T;
}

export type JobHandler<T> = (data: T, job: { id: string; attempt: number }) => Promise<void>;

export interface JobQueue {
  /** Persists the job; resolves to its id, or null when `singletonKey` matched a queued job. */
  send<T>(contract: JobContract<T>, data: T, options?: SendOptions): Promise<string | null>;
  /**
   * Persists many jobs of one contract in one statement (a round's vote requests); jobs whose
   * `singletonKey` matched a queued job are skipped. Every payload is checked before any is written.
   */
  sendMany<T>(
    contract: JobContract<T>,
    jobs: readonly BatchJob<T>[],
    options?: Pick<SendOptions, 'transaction'>,
  ): Promise<void>;
  /**
   * Cancels the contract's jobs still waiting to run whose payload contains `match` (e.g. the vote
   * requests of a closed round); running and finished jobs are left alone. Resolves to how many
   * were cancelled.
   */
  cancelQueued<T>(
    contract: JobContract<T>,
    match: Partial<T>,
    options?: Pick<SendOptions, 'transaction'>,
  ): Promise<number>;
  /** Runs `handler` for the contract's jobs in this process until `stop`. */
  work<T>(contract: JobContract<T>, handler: JobHandler<T>): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
