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
import { classifyTask, OpenAiProvider, offlineProvider, predictPromptQuality } from '../index.js';
import { loadPromptModel } from './prompt-model.js';
import { budgetModel, premiumModel } from './model-spec-fixtures.js';
import { RouterService } from './router-service.js';

/**
 * Issue 18: the outcome of the agent's task, or of the CMP decision, that a routed answer served
 * is tied back to that decision and moves the served model's posterior with its source's trust,
 * once per decision and source. Real Postgres (a throwaway database, migrated) and the real
 * `openai` client against the loopback stub.
 */
let database: TestDatabase;
let postgres: PostgresStore;
let stub: OpenAiStub;
let router: RouterService;
const log = silentLogger();

const promptModel = loadPromptModel(log);

beforeAll(async () => {
  database = await createTestDatabase('router_outcomes');
  postgres = createPostgresStore({ schema: 'agents', url: database.url, migrations, log });
  await postgres.connect();
  stub = await startOpenAiStub();
  router = new RouterService({
    fork: () => postgres.fork(),
    bus: new InProcessEventBus(log),
    log,
    configured: [budgetModel(stub.url), premiumModel(stub.url)],
    providers: { 'openai-compatible': new OpenAiProvider(), offline: offlineProvider },
    classify: (input) => Promise.resolve(classifyTask(input)),
    cacheTtlSeconds: 0,
    windowDays: 7,
    deadlineMs: 10_000,
    promptModel,
  });
  await router.start();
});
afterAll(async () => {
  await router?.stop();
  await postgres?.close();
  await stub?.close();
  await database?.drop();
});

/** The posterior of a model on summaries: its mean and its evidence n = α + β. */
async function belief(model: string) {
  const [stats] = await router.stats({ model, taskType: 'summarisation' });
  const mean = stats?.posteriorMean ?? Number.NaN;
  const sd = stats?.posteriorStdDev ?? Number.NaN;
  return { mean, n: (mean * (1 - mean)) / (sd * sd) - 1 };
}

/** The mean after one signal q of weight w (the 0.999-per-signal discount is below 1e-4 here). */
const after = (b: { mean: number; n: number }, q: number, w: number) =>
  (b.mean * b.n + w * q) / (b.n + w);

describe('outcomes tied back to routing decisions', () => {
  it('counts a task’s and a decision’s outcome once each, with their trust', async () => {
    const { decision } = await router.route(
      { text: 'Summarise the release notes in one line.', taskType: 'summarisation' },
      'tester',
    );
    const served = decision.servedBy ?? 'none';
    expect(['budget', 'premium']).toContain(served);
    const start = await belief(served);

    await expect(router.recordOutcome(decision.id, 'task', 0)).resolves.toBe(true);
    const failedTask = await belief(served);
    expect(failedTask.mean).toBeCloseTo(after(start, 0, 0.5), 4);

    // Redelivered: counted already, nothing moves.
    await expect(router.recordOutcome(decision.id, 'task', 0)).resolves.toBe(false);
    expect((await belief(served)).mean).toBeCloseTo(failedTask.mean, 10);

    await expect(router.recordOutcome(decision.id, 'decision', 1)).resolves.toBe(true);
    expect((await belief(served)).mean).toBeCloseTo(after(failedTask, 1, 0.25), 4);
  });

  it('refuses a quality out of range and an unknown decision, with codes', async () => {
    const { decision } = await router.route(
      { text: 'Summarise this.', taskType: 'summarisation' },
      't',
    );
    await expect(router.recordOutcome(decision.id, 'task', 1.5)).rejects.toMatchObject({
      reason: 'INVALID_QUALITY',
    });
    await expect(
      router.recordOutcome('00000000-0000-4000-8000-000000000000', 'task', 1),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the prompt prior in selection', () => {
  it('loads the committed model with both profiles', () => {
    expect([...(promptModel?.profiles.keys() ?? [])].sort()).toEqual([
      'gpt-4-1106-preview',
      'mixtral-8x7b-instruct',
    ]);
  });

  it('moves each model’s expected quality by the prompt’s predicted shift', async () => {
    const text =
      'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?';
    const { decision } = await router.route({ text, taskType: 'planning', dryRun: true }, 't');
    const predicted = predictPromptQuality(promptModel ?? fail(), text);
    const shift = (profile: string) =>
      (predicted.get(profile) ?? 0) - (promptModel?.averages.get(profile) ?? 0);
    const expected = {
      premium: 0.9 + shift('gpt-4-1106-preview'),
      budget: 0.85 + shift('mixtral-8x7b-instruct'),
    };
    for (const candidate of decision.candidates) {
      const model = candidate.model as keyof typeof expected;
      expect(candidate.expectedQuality).toBeCloseTo(expected[model], 6);
    }
    // Not a vacuous match: the prompt does move the models off their posteriors.
    expect(Math.abs(shift('mixtral-8x7b-instruct'))).toBeGreaterThan(0.01);
  });

  it('routes on without it when the file is unreadable', () => {
    expect(loadPromptModel(log, new URL('file:///nonexistent/prompt-quality.json'))).toBeNull();
  });
});

function fail(): never {
  throw new Error('the committed prompt-quality model did not load');
}
