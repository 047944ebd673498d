import { randomUUID } from 'node:crypto';
import { knex } from '@mikro-orm/knex';
import { createTestDatabase, silentLogger, waitFor, type TestDatabase } from '@daena/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './define-job.js';
import type { JobContract } from './jobs.js';
import { jobQueueStore, PgBossJobQueue } from './pg-boss-queue.js';

// A job of the queue's own tests, shaped like the decisions subgraph's vote request.
interface VoteRequested {
  proposalId: string;
  round: number;
  agentId: string;
  deadline: string;
}
const Jobs = {
  voteRequested: defineJob<VoteRequested>(
    'decisions.vote-request',
    z.object({
      proposalId: z.uuid(),
      round: z.number().int().min(1),
      agentId: z.uuid(),
      deadline: z.iso.datetime({ offset: true }),
    }),
  ),
};
const jobKeys = {
  voteRequested: (job: VoteRequested) => `${job.proposalId}:${job.round}:${job.agentId}`,
};

let database: TestDatabase;
const opened: PgBossJobQueue[] = [];

beforeAll(async () => {
  database = await createTestDatabase('jobs');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.stop()));
});
afterAll(() => database.drop());

/** A queue on the test database; retries and polling are fast so tests do not wait long. */
async function startQueue(): Promise<PgBossJobQueue> {
  const queue = new PgBossJobQueue({
    url: database.url,
    log: silentLogger(),
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    retryDelayMaxSeconds: 1,
  });
  opened.push(queue);
  await queue.start();
  return queue;
}

/** Each test gets a queue name of its own, so jobs of one test never reach another's worker. */
function testJob(): JobContract<{ n: number }> {
  return defineJob(`test.job-${randomUUID()}`, z.object({ n: z.number().int() }));
}

/** The id of a job that was queued (not deduplicated away). */
async function sent(sending: Promise<string | null>): Promise<string> {
  const id = await sending;
  if (id === null) throw new Error('the job was not queued');
  return id;
}

function voteRequest(): VoteRequested {
  return {
    proposalId: randomUUID(),
    round: 1,
    agentId: randomUUID(),
    deadline: new Date('2030-01-01T00:00:00Z').toISOString(),
  };
}

describe('PgBossJobQueue (real Postgres)', () => {
  it('delivers exactly the payload that was sent', async () => {
    const queue = await startQueue();
    const received: VoteRequested[] = [];
    await queue.work(Jobs.voteRequested, async (data) => void received.push(data));
    const request = voteRequest();
    const id = await sent(
      queue.send(Jobs.voteRequested, request, { singletonKey: jobKeys.voteRequested(request) }),
    );
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual(request);
    await waitFor(async () => expect(await queue.state(Jobs.voteRequested, id)).toBe('completed'));
  });

  it('retries a throwing handler until it succeeds', async () => {
    const queue = await startQueue();
    const job = testJob();
    const attempts: number[] = [];
    await queue.work(job, async (_data, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error(`attempt ${attempt} fails`);
    });
    const id = await sent(queue.send(job, { n: 1 }));
    await waitFor(async () => expect(await queue.state(job, id)).toBe('completed'));
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('writes a job sent in a transaction exactly when the transaction commits', async () => {
    const queue = await startQueue();
    const job = testJob();
    const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
    try {
      const rolledBack = new Error('the caller rolls back');
      let discarded: string | null = null;
      await expect(
        db.transaction(async (trx) => {
          discarded = await queue.send(job, { n: 1 }, { transaction: trx });
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      expect(discarded).toEqual(expect.any(String));
      expect(await queue.state(job, discarded as unknown as string)).toBeNull();

      const committed = await db.transaction((trx) =>
        sent(queue.send(job, { n: 2 }, { transaction: trx, singletonKey: 'in-transaction' })),
      );
      expect(await queue.state(job, committed)).toBe('created');
      // The singleton key holds across transactions: a second send commits no second job.
      const again = await db.transaction((trx) =>
        queue.send(job, { n: 3 }, { transaction: trx, singletonKey: 'in-transaction' }),
      );
      expect(again).toBeNull();
      const received: number[] = [];
      await queue.work(job, async (data) => void received.push(data.n));
      await waitFor(async () => expect(await queue.state(job, committed)).toBe('completed'));
      expect(received).toEqual([2]);
    } finally {
      await db.destroy();
    }
  });

  it('sends a batch in one transaction, skipping keys already queued and checking every payload first', async () => {
    const queue = await startQueue();
    const job = testJob();
    const received: number[] = [];
    const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
    try {
      await queue.send(
        job,
        { n: 0 },
        { singletonKey: 'k0', startAfter: new Date(Date.now() + 3_600_000) },
      );
      await expect(
        queue.sendMany(job, [{ data: { n: 9 } }, { data: { n: 1.5 } }]),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_JOB' });
      await db.transaction((trx) =>
        queue.sendMany(
          job,
          [0, 1, 2, 3].map((n) => ({ data: { n }, singletonKey: `k${n}` })),
          { transaction: trx },
        ),
      );
      await queue.work(job, async (data) => void received.push(data.n));
      // k0 was already queued (its job waits an hour), and the malformed batch wrote nothing.
      await waitFor(() => expect([...received].sort()).toEqual([1, 2, 3]));
    } finally {
      await db.destroy();
    }
  });

  it('cancels the waiting jobs whose payload matches, in the caller’s transaction', async () => {
    const queue = await startQueue();
    const job = defineJob(
      `test.job-${randomUUID()}`,
      z.object({ proposalId: z.string(), round: z.number().int() }),
    );
    const later = new Date(Date.now() + 3_600_000);
    const ids = await Promise.all(
      [
        { proposalId: 'p1', round: 1 },
        { proposalId: 'p1', round: 1 },
        { proposalId: 'p1', round: 2 },
        { proposalId: 'p2', round: 1 },
      ].map((data) => sent(queue.send(job, data, { startAfter: later }))),
    );
    const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
    try {
      // Rolled back: nothing is cancelled.
      await expect(
        db.transaction(async (trx) => {
          expect(await queue.cancelQueued(job, { proposalId: 'p1' }, { transaction: trx })).toBe(3);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await Promise.all(ids.map((id) => queue.state(job, id)))).toEqual([
        'created',
        'created',
        'created',
        'created',
      ]);
      const cancelled = await db.transaction((trx) =>
        queue.cancelQueued(job, { proposalId: 'p1', round: 1 }, { transaction: trx }),
      );
      expect(cancelled).toBe(2);
      expect(await Promise.all(ids.map((id) => queue.state(job, id)))).toEqual([
        'cancelled',
        'cancelled',
        'created',
        'created',
      ]);
      expect(await queue.cancelQueued(job, { proposalId: 'p1', round: 1 })).toBe(0);
    } finally {
      await db.destroy();
    }
  });

  it('keeps one queued job per singleton key', async () => {
    const queue = await startQueue();
    const job = testJob();
    const first = await queue.send(job, { n: 1 }, { singletonKey: 'same' });
    const second = await queue.send(job, { n: 2 }, { singletonKey: 'same' });
    const other = await queue.send(job, { n: 3 }, { singletonKey: 'other' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));

    const received: number[] = [];
    await queue.work(job, async ({ n }) => void received.push(n));
    await waitFor(() => expect(received.toSorted()).toEqual([1, 3]));
  });

  it('gives a job the heartbeat its sender asks for, alone or in a batch, and runs it', async () => {
    const queue = await startQueue();
    const job = testJob();
    const one = await sent(queue.send(job, { n: 1 }, { heartbeatSeconds: 20 }));
    await queue.sendMany(job, [{ data: { n: 2 }, singletonKey: 'beat', heartbeatSeconds: 30 }]);
    const plain = await sent(queue.send(job, { n: 3 }));
    const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 1 } });
    const rows = await db
      .raw<{ rows: { id: string; n: number; heartbeat_seconds: number | null }[] }>(
        "select id, (data->>'n')::int as n, heartbeat_seconds from pgboss.job where name = ?",
        [job.name],
      )
      .finally(() => db.destroy());
    const beats = Object.fromEntries(rows.rows.map((row) => [row.n, row.heartbeat_seconds]));
    expect(beats).toEqual({ 1: 20, 2: 30, 3: null });
    expect(rows.rows.find((row) => row.n === 1)?.id).toBe(one);
    expect(rows.rows.find((row) => row.n === 3)?.id).toBe(plain);
    // A worker beats while it runs the job, and finishes it as any other.
    const received: number[] = [];
    await queue.work(job, async ({ n }) => void received.push(n));
    await waitFor(() => expect(received.toSorted()).toEqual([1, 2, 3]));
  });

  it('does not run a job before its startAfter', async () => {
    const queue = await startQueue();
    const job = testJob();
    const later = await sent(
      queue.send(job, { n: 1 }, { startAfter: new Date(Date.now() + 3_600_000) }),
    );
    const due = await sent(queue.send(job, { n: 2 }, { startAfter: new Date(Date.now() - 1_000) }));
    const received: number[] = [];
    await queue.work(job, async ({ n }) => void received.push(n));
    // The due job was fetched and finished: the worker has looked at the queue and passed over
    // the delayed one, which is still waiting.
    await waitFor(async () => expect(await queue.state(job, due)).toBe('completed'));
    expect(received).toEqual([2]);
    expect(await queue.state(job, later)).toBe('created');
  });

  it('delivers a job sent before a restart to the next queue instance', async () => {
    const job = testJob();
    const sender = await startQueue();
    const id = await sent(sender.send(job, { n: 42 }));
    await sender.stop();

    const restarted = await startQueue();
    const received: number[] = [];
    await restarted.work(job, async ({ n }) => void received.push(n));
    await waitFor(() => expect(received).toEqual([42]));
    await waitFor(async () => expect(await restarted.state(job, id)).toBe('completed'));
  });

  it('fails a malformed job without retrying it, and keeps working', async () => {
    const queue = await startQueue();
    const job = testJob();
    // An older sender's idea of the payload: same queue, another shape.
    const legacy = defineJob(job.name, z.object({ n: z.string() }));
    const malformed = await sent(queue.send(legacy, { n: 'not a number' }));
    const received: number[] = [];
    await queue.work(job, async ({ n }) => void received.push(n));
    await waitFor(async () => expect(await queue.state(job, malformed)).toBe('failed'));
    await queue.send(job, { n: 7 });
    await waitFor(() => expect(received).toEqual([7]));
  });

  it('refuses to send a payload that does not match the contract', async () => {
    const queue = await startQueue();
    const bad = { ...voteRequest(), round: 0 };
    await expect(queue.send(Jobs.voteRequested, bad)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MALFORMED_JOB',
    });
  });

  it('reports to /readyz as a store, and stops gracefully after the running handler', async () => {
    const queue = new PgBossJobQueue({ url: database.url, log: silentLogger() });
    const store = jobQueueStore(queue);
    await store.connect();
    await expect(store.check()).resolves.toBeUndefined();

    const job = testJob();
    let release!: () => void;
    const running = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;
    await queue.work(job, async () => {
      started = true;
      await running;
      finished = true;
    });
    const id = await sent(queue.send(job, { n: 1 }));
    await waitFor(() => expect(started).toBe(true));
    const stopped = store.close();
    release();
    await stopped;
    expect(finished).toBe(true);
    await expect(store.check()).rejects.toThrow('not started');
    // The handler's job was completed, not failed by the shutdown.
    const observer = await startQueue();
    expect(await observer.state(job, id)).toBe('completed');
  });
});
