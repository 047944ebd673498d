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
}

export type JobHandler<T> = (data: T, job: { id: string; attempt: number }) => Promise<void>;

export interface JobQueue {
  /** Persists the job; resolves to its id, or null when `singletonKey` matched a queued job. */
  send<T>(contract: JobContract<T>, data: T, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for the contract's jobs in this process until `stop`. */
  work<T>(contract: JobContract<T>, handler: JobHandler<T>): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
