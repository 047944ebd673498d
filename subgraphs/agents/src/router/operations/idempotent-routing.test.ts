import { createPostgresStore, InProcessEventBus, type PostgresStore } from '@daena/platform';
import {
  createTestDatabase,
  silentLogger,
  startOpenAiStub,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../store/migrations/index.js';
import { AllModelsFailedError, classifyTask, OpenAiProvider, offlineProvider } from '../index.js';
import { stubModel } from './model-spec-fixtures.js';
import { RouterService } from './router-service.js';

/**
 * Issue 15: an agent run's model call is made at most once per step, across worker deaths. The
 * router keeps a keyed call's answer with its decision, and a call whose caller died before the
 * answer is sent again under the same `Idempotency-Key`, which the loopback stub honours as such
 * providers do. Two router replicas (two "workers") on one real Postgres; the real `openai`
 * client.
 */
let database: TestDatabase;
let postgres: PostgresStore;
let stub: OpenAiStub;
let workers: RouterService[];
const log = silentLogger();

const solo = (url: string) => stubModel(url, { name: 'solo', priorQuality: { default: 0.8 } });

const newWorker = () =>
  new RouterService({
    fork: () => postgres.fork(),
    bus: new InProcessEventBus(log),
    log,
    configured: [solo(stub.url)],
    providers: { 'openai-compatible': new OpenAiProvider(), offline: offlineProvider },
    classify: (input) => Promise.resolve(classifyTask(input)),
    cacheTtlSeconds: 0,
    windowDays: 7,
    deadlineMs: 20_000,
  });

beforeAll(async () => {
  database = await createTestDatabase('router_idempotency');
  postgres = createPostgresStore({ schema: 'agents', url: database.url, migrations, log });
  await postgres.connect();
  stub = await startOpenAiStub();
  workers = [newWorker(), newWorker()];
  for (const worker of workers) await worker.start();
});
afterAll(async () => {
  for (const worker of workers ?? []) await worker.stop();
  await postgres?.close();
  await stub?.close();
  await database?.drop();
});

/** The decisions stored under a key (at most one while it is set) and their resend counts. */
async function keyed(key: string) {
  return postgres
    .fork()
    .getConnection()
    .execute<{ id: string; status: string; resent: number }[]>(
      'select id, status, resent from agents.router_decisions where idempotency_key = ?',
      [key],
    );
}

const ask = (text: string) => ({ text, taskType: 'summarisation' as const, temperature: 0 });

describe('routing under an idempotency key', () => {
  it('answers a key already served from the stored answer, without calling again', async () => {
    const [first, second] = workers as [RouterService, RouterService];
    const before = stub.requests('solo').count;
    const made = await first.route(ask('Summarise the first memo.'), 'agent-1', {
      idempotencyKey: 'run-step:r1:1',
    });
    // Another worker resuming the step after the first one died.
    const again = await second.route(ask('Summarise the first memo.'), 'agent-1', {
      idempotencyKey: 'run-step:r1:1',
    });
    expect(made.replayed).toBeUndefined();
    expect(again.replayed).toBe(true);
    expect(again.result?.text).toBe(made.result?.text);
    expect(again.result?.costUsd).toBe(made.result?.costUsd);
    expect(again.decision.id).toBe(made.decision.id);
    expect(stub.requests('solo').count - before).toBe(1);
    expect(await keyed('run-step:r1:1')).toEqual([
      { id: made.decision.id, status: 'SUCCEEDED', resent: 0 },
    ]);
  });

  it('sends a call whose caller died mid-call again under the same key, and the provider answers it once', async () => {
    const [first, second] = workers as [RouterService, RouterService];
    const before = stub.requests('solo');
    stub.failNext('solo', 1, { kind: 'slow', delayMs: 1_500 });
    // The first worker's call is in flight (its decision SELECTED) when a second worker takes
    // the step over, as it does once the first one's lease lapsed.
    const dying = first.route(ask('Summarise the second memo.'), 'agent-1', {
      idempotencyKey: 'run-step:r2:1',
    });
    await expect.poll(() => stub.requests('solo').count).toBe(before.count + 1);
    expect((await keyed('run-step:r2:1'))[0]?.status).toBe('SELECTED');
    const resumed = await second.route(ask('Summarise the second memo.'), 'agent-1', {
      idempotencyKey: 'run-step:r2:1',
    });
    const late = await dying;
    const after = stub.requests('solo');
    expect(after.count - before.count).toBe(2);
    expect(after.idempotencyKeys.slice(-2)).toEqual(['run-step:r2:1:solo', 'run-step:r2:1:solo']);
    // The provider generated once; the call sent again got that answer back.
    expect(after.generated - before.generated).toBe(1);
    expect(resumed.result?.text).toBe(late.result?.text);
    expect(resumed.decision.id).toBe(late.decision.id);
    expect(await keyed('run-step:r2:1')).toEqual([
      { id: late.decision.id, status: 'SUCCEEDED', resent: 1 },
    ]);
  });

  it('routes afresh under a key whose call failed, and keeps only the new decision on it', async () => {
    const [first] = workers as [RouterService, RouterService];
    stub.failNext('solo', 2, { kind: 'fail', status: 500 });
    await expect(
      first.route(ask('Summarise the third memo.'), 'agent-1', { idempotencyKey: 'run-step:r3:1' }),
    ).rejects.toBeInstanceOf(AllModelsFailedError);
    const [failed] = await keyed('run-step:r3:1');
    expect(failed?.status).toBe('FAILED');
    const retried = await first.route(ask('Summarise the third memo.'), 'agent-1', {
      idempotencyKey: 'run-step:r3:1',
    });
    expect(retried.replayed).toBeUndefined();
    expect(retried.decision.id).not.toBe(failed?.id);
    expect(await keyed('run-step:r3:1')).toEqual([
      { id: retried.decision.id, status: 'SUCCEEDED', resent: 0 },
    ]);
  });

  it('leaves calls without a key as they were: each one is made', async () => {
    const [first] = workers as [RouterService, RouterService];
    const before = stub.requests('solo');
    await first.route(ask('Summarise the fourth memo.'), 'agent-1');
    await first.route(ask('Summarise the fourth memo.'), 'agent-1');
    const after = stub.requests('solo');
    expect(after.generated - before.generated).toBe(2);
    expect(after.idempotencyKeys.slice(-2)).toEqual([null, null]);
  });
});
