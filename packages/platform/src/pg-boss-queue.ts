import { randomUUID } from 'node:crypto';
import { PgBoss, fromKnex, type JobResult } from 'pg-boss';
import type { Logger } from 'pino';
import type { BatchJob, JobContract, JobHandler, JobQueue, SendOptions } from './jobs.js';
import type { StoreConnector } from './service.js';

/** What pg-boss's knex adapter accepts (a knex transaction's `raw`). */
type KnexTransactionLike = Parameters<typeof fromKnex>[0];

export interface PgBossJobQueueOptions {
  /** The Postgres database; pg-boss keeps its tables in a schema of its own there. */
  url: string;
  log: Logger;
  /** The queue's own Postgres schema, created (and migrated) by `start`. */
  schema?: string;
  /** How often an idle worker looks for jobs a notification did not announce (retries, delays). */
  pollingIntervalSeconds?: number;
  /** The first retry's delay; each further retry doubles it (pg-boss backoff, with jitter). */
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  /** Attempts before a job is given up when `send` does not say (the JobQueue contract's 5). */
  attempts?: number;
  /** Jobs one `work` call runs at the same time in this process. */
  concurrency?: number;
  /** How long `stop` waits for running handlers before failing their jobs (they are retried). */
  stopTimeoutMs?: number;
  poolMax?: number;
}

/** What a job is doing, as pg-boss records it. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

const defaults = {
  schema: 'pgboss',
  pollingIntervalSeconds: 2,
  retryDelaySeconds: 1,
  // Five attempts with doubling delays span about a minute: long enough to ride out a restart of
  // the service a handler calls, short enough that a vote still lands within its round.
  retryDelayMaxSeconds: 60,
  attempts: 5,
  concurrency: 4,
  stopTimeoutMs: 10_000,
  poolMax: 4,
};

/**
 * The durable job queue on pg-boss (Postgres, `SKIP LOCKED`): jobs survive restarts, a throwing
 * handler is retried with exponential backoff, any replica that works a queue may run its jobs.
 *
 * Queues use pg-boss's `exclusive` policy: at most one job per singleton key is queued or running.
 * A job sent without a key gets a key of its own, so only keyed jobs are ever deduplicated.
 * A payload that fails its contract's schema fails its job at once (no retries: it cannot get
 * better) and is logged; it never reaches the handler.
 */
export class PgBossJobQueue implements JobQueue {
  readonly name = 'job queue';
  private readonly settings: Required<Omit<PgBossJobQueueOptions, 'log' | 'url'>>;
  private boss: PgBoss | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: PgBossJobQueueOptions) {
    const given = Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    );
    this.settings = { ...defaults, ...given } as typeof this.settings;
  }

  /** Creates (or migrates) the schema and starts pg-boss; calling it again is a no-op. */
  start(): Promise<void> {
    this.starting ??= this.startBoss().catch((error: unknown) => {
      // A failed start may be retried (startService connects stores with backoff).
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  async send<T>(
    contract: JobContract<T>,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    const payload = contract.parse(data) as object;
    const boss = await this.queue(contract.name);
    return boss.send(contract.name, payload, {
      singletonKey: options.singletonKey ?? randomUUID(),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: retriesOf(options.retryLimit) } : {}),
      ...(options.heartbeatSeconds !== undefined
        ? { heartbeatSeconds: options.heartbeatSeconds }
        : {}),
      ...connection(options),
    });
  }

  async sendMany<T>(
    contract: JobContract<T>,
    jobs: readonly BatchJob<T>[],
    options: Pick<SendOptions, 'transaction'> = {},
  ): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((job) => ({
      data: contract.parse(job.data) as object,
      singletonKey: job.singletonKey ?? randomUUID(),
      ...(job.startAfter ? { startAfter: job.startAfter } : {}),
      ...(job.retryLimit !== undefined ? { retryLimit: retriesOf(job.retryLimit) } : {}),
      ...(job.heartbeatSeconds !== undefined ? { heartbeatSeconds: job.heartbeatSeconds } : {}),
    }));
    const boss = await this.queue(contract.name);
    await boss.insert(contract.name, rows, connection(options));
  }

  async cancelQueued<T>(
    contract: JobContract<T>,
    match: Partial<T>,
    options: Pick<SendOptions, 'transaction'> = {},
  ): Promise<number> {
    const boss = await this.queue(contract.name);
    const db = connection(options);
    let cancelled = 0;
    // findJobs returns at most `limit` jobs a call: repeat until none is left waiting.
    for (;;) {
      const waiting = await boss.findJobs(contract.name, {
        data: match as object,
        queued: true,
        limit: 1000,
        ...db,
      });
      if (waiting.length === 0) return cancelled;
      await boss.cancel(
        contract.name,
        waiting.map((job) => job.id),
        db,
      );
      cancelled += waiting.length;
    }
  }

  async work<T>(contract: JobContract<T>, handler: JobHandler<T>): Promise<void> {
    const boss = await this.queue(contract.name);
    const { log } = this.options;
    const polling = this.settings.pollingIntervalSeconds;
    await boss.work(
      contract.name,
      {
        batchSize: 1,
        localConcurrency: this.settings.concurrency,
        pollingIntervalSeconds: polling,
        notifyPollingIntervalSeconds: polling,
        perJobResults: true,
      },
      async (jobs): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          let data: T;
          try {
            data = contract.parse(job.data);
          } catch (error) {
            log.error({ err: error, queue: contract.name, jobId: job.id }, 'malformed job failed');
            results.push({ id: job.id, status: 'deadletter', output: { error: message(error) } });
            continue;
          }
          const attempt = job.retryCount + 1;
          try {
            await handler(data, { id: job.id, attempt });
          } catch (error) {
            log.warn({ err: error, queue: contract.name, jobId: job.id, attempt }, 'job failed');
            throw error; // pg-boss retries it after its backoff delay, or gives it up
          }
          results.push({ id: job.id, status: 'completed' });
        }
        return results;
      },
    );
  }

  /** The job's state, or null when no such job is stored (any more). */
  async state(contract: JobContract<unknown>, id: string): Promise<JobState | null> {
    const boss = await this.queue(contract.name);
    const [job] = await boss.findJobs(contract.name, { id });
    return job?.state ?? null;
  }

  /** A cheap liveness check for /readyz. */
  async check(): Promise<void> {
    await this.started().getDb().executeSql('select 1');
  }

  /** Stops fetching, waits for running handlers (up to `stopTimeoutMs`), closes the pool. */
  stop(): Promise<void> {
    this.stopping ??= this.stopBoss().finally(() => {
      this.stopping = undefined;
    });
    return this.stopping;
  }

  private async stopBoss(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const boss = this.boss;
    this.starting = undefined;
    this.boss = undefined;
    this.queues.clear();
    await boss?.stop({ graceful: true, timeout: this.settings.stopTimeoutMs });
  }

  private async startBoss(): Promise<void> {
    const { log, url } = this.options;
    const boss = new PgBoss({
      connectionString: url,
      schema: this.settings.schema,
      max: this.settings.poolMax,
      application_name: 'daena-jobs',
      // Workers wake when a job is sent; polling still finds retries and delayed jobs.
      useListenNotify: true,
      // No cron schedules here: round deadlines are delayed jobs.
      schedule: false,
    });
    boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
    boss.on('warning', (warning) => log.warn({ warning }, 'job queue warning'));
    try {
      await boss.start();
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw error;
    }
    this.boss = boss;
  }

  /** The started pg-boss with the queue created (once per name and process: creation is idempotent). */
  private async queue(name: string): Promise<PgBoss> {
    await this.start();
    const boss = this.started();
    let created = this.queues.get(name);
    if (!created) {
      created = boss.createQueue(name, {
        policy: 'exclusive',
        notify: true,
        retryLimit: retriesOf(this.settings.attempts),
        retryDelay: this.settings.retryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: this.settings.retryDelayMaxSeconds,
      });
      created.catch(() => this.queues.delete(name));
      this.queues.set(name, created);
    }
    await created;
    return boss;
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not started');
    return this.boss;
  }
}

/** The caller's transaction as pg-boss's connection, when it gave one. */
function connection(options: Pick<SendOptions, 'transaction'>): {
  db?: ReturnType<typeof fromKnex>;
} {
  return options.transaction ? { db: fromKnex(options.transaction as KnexTransactionLike) } : {};
}

/** The contract counts attempts; pg-boss counts retries after the first attempt. */
function retriesOf(attempts: number): number {
  return Math.max(0, Math.floor(attempts) - 1);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The queue as a store of a service: start-up waits for it, /readyz reports it, closing the
 * service stops it (gracefully: running handlers finish first). Starting and stopping are
 * idempotent, so services of one process may share a queue.
 */
export function jobQueueStore(queue: JobQueue & { check?(): Promise<void> }): StoreConnector {
  return {
    name: 'job queue',
    connect: () => queue.start(),
    check: async () => {
      await queue.check?.();
    },
    close: () => queue.stop(),
  };
}
