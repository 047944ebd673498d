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
import { classifyTask, OpenAiProvider, offlineProvider, seededRandom } from '../index.js';
import { loadPromptModel } from './prompt-model.js';
import { budgetModel, premiumModel } from './model-spec-fixtures.js';
import { RouterService } from './router-service.js';

/**
 * Issue 18, the cost knob: a request's `willingnessToPay` moves selections towards the strong
 * model or away from it, and a deployment's spend target holds what a replica spends per window.
 * Both through `RouterService.route`, the public API the autonomy engine and `routeTask` call.
 * Real Postgres (a throwaway database per router, so their learning is not pooled), the real
 * `openai` client against the loopback stub; the clock and the Thompson draws are seeded, so
 * every count here is the same on every run.
 */
const log = silentLogger();
const promptModel = loadPromptModel(log);
let stub: OpenAiStub;

/** One request a (fake) second: the pacer's window is counted in requests. */
const REQUEST_GAP_MS = 1_000;

interface Replica {
  router: RouterService;
  /** Moves the replica's clock to the next request. */
  tick(): void;
  close(): Promise<void>;
}

async function startReplica(
  name: string,
  seed: number,
  spendTarget?: { targetUsd: number; windowMs: number },
): Promise<Replica> {
  const database: TestDatabase = await createTestDatabase(name);
  const postgres: PostgresStore = createPostgresStore({
    schema: 'agents',
    url: database.url,
    migrations,
    log,
  });
  await postgres.connect();
  let now = Date.now();
  const router = new RouterService({
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
    clock: () => now,
    random: seededRandom(seed),
    spendTarget,
  });
  await router.start();
  return {
    router,
    tick: () => void (now += REQUEST_GAP_MS),
    close: async () => {
      await router.stop();
      await postgres.close();
      await database.drop();
    },
  };
}

/** Tasks of all sorts and sizes, as agents send them. */
const TASKS = [
  'Summarise the release notes of version {i} in one line.',
  'What is {i} times 17, minus 4?',
  'Write a haiku about autumn number {i}.',
  'Prove that the sum of the first {i} odd numbers is a perfect square, step by step, and explain each inference carefully.',
  'Classify this ticket {i} as bug, feature or question: the export button does nothing.',
  'Design a database schema for a library with {i} branches, loans, reservations and fines; justify the indexes.',
  'Extract the dates from: the meeting {i} moved from 3 March to 5 April 2026.',
  'Refactor this function to be iterative and analyse its complexity: def f(n): return n if n < 2 else f(n-1) + f(n-2)  # {i}',
];
const task = (i: number) => (TASKS[i % TASKS.length] as string).replace('{i}', String(i));

let free: Replica;
let paced: Replica;

beforeAll(async () => {
  stub = await startOpenAiStub();
  free = await startReplica('router_knob', 7);
});
afterAll(async () => {
  await free?.close();
  await paced?.close();
  await stub?.close();
});

describe('willingnessToPay', () => {
  /**
   * Of `n` tasks (dry runs: selection only, nothing learnt), how many go to the strong model, and
   * how many to the model of the best quality draw.
   */
  async function selections(willingnessToPay: number | undefined, n: number) {
    let strong = 0;
    let bestDraw = 0;
    for (let i = 0; i < n; i++) {
      const { decision } = await free.router.route(
        { text: task(i), willingnessToPay, dryRun: true },
        'agent-1',
      );
      if (decision.selectedModel === 'premium') strong++;
      const top = Math.max(...decision.candidates.map((c) => c.sampledQuality));
      const chosen = decision.candidates.find((c) => c.model === decision.selectedModel);
      if (chosen?.sampledQuality === top) bestDraw++;
    }
    return { strong, bestDraw };
  }

  it('sends more tasks to the strong model the more a request will pay', async () => {
    const n = 48;
    const strong: number[] = [];
    for (const w of [0.3, undefined, 0.7]) strong.push((await selections(w, n)).strong);
    const [low, neutral, high] = strong as [number, number, number];
    expect(low).toBeLessThan(neutral);
    expect(neutral).toBeLessThan(high);
  });

  it('at its ends, picks the cheapest model, or the best quality whatever its price', async () => {
    const n = 48;
    const none = await selections(0, n);
    const all = await selections(1, n);
    expect(none.strong).toBe(0);
    // Not always the strong one: the prompt prior rates the weak model higher on some tasks.
    expect(all.bestDraw).toBe(n);
    expect(none.bestDraw).toBeLessThan(n);
  });

  it.each([-0.1, 1.5, Number.NaN])(
    'refuses %s with a code, before anything is stored',
    async (w) => {
      await expect(
        free.router.route({ text: 'Summarise this.', willingnessToPay: w }, 'agent-1'),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_ROUTE_REQUEST',
        details: { field: 'willingnessToPay' },
      });
    },
  );
});

describe('the spend target', () => {
  /** Requests in one pacer window (one a fake second). */
  const WINDOW = 100;
  /** The first windows, where the pacer is still finding its level. */
  const WARM_UP = 2;

  /** Runs `windows` windows of answered calls; returns the spend and strong calls of each. */
  async function run(replica: Replica, windows: number) {
    const spent: number[] = [];
    const strong: number[] = [];
    for (let w = 0; w < windows; w++) {
      let usd = 0;
      let strongCalls = 0;
      for (let i = 0; i < WINDOW; i++) {
        replica.tick();
        // Callers who would rather pay: without a target most of this goes to the strong model.
        const { result } = await replica.router.route(
          { text: task(w * WINDOW + i), willingnessToPay: 0.8 },
          'agent-1',
        );
        usd += result?.costUsd ?? 0;
        if (result?.model === 'premium') strongCalls++;
      }
      spent.push(usd);
      strong.push(strongCalls);
    }
    return { spent, strong };
  }

  it('holds a replica’s spend per window to the target it is given', async () => {
    const unpaced = await run(free, 1);
    const unpacedUsd = unpaced.spent[0] as number;
    // A target well under what these callers spend on their own (the same models and priors).
    const targetUsd = 0.4 * unpacedUsd;
    paced = await startReplica('router_knob_paced', 7, {
      targetUsd,
      windowMs: WINDOW * REQUEST_GAP_MS,
    });
    const { spent, strong } = await run(paced, WARM_UP + 3);
    // The pacer starts at the neutral trade-off and moves by at most a few percent a call, so it
    // takes the first windows (~150 calls here) to find its level; from then on it holds it.
    const settled = spent.slice(WARM_UP);
    for (const usd of settled) {
      expect(usd).toBeLessThanOrEqual(1.2 * targetUsd);
      expect(usd).toBeGreaterThanOrEqual(0.7 * targetUsd);
    }
    const settledUsd = settled.reduce((sum, usd) => sum + usd, 0);
    expect(settledUsd).toBeLessThanOrEqual(1.08 * settled.length * targetUsd);
    expect(settledUsd).toBeGreaterThanOrEqual(0.85 * settled.length * targetUsd);
    // It holds the spend by sending fewer calls to the strong model, not none.
    for (const calls of strong.slice(WARM_UP)) {
      expect(calls).toBeLessThan(0.5 * (unpaced.strong[0] as number));
      expect(calls).toBeGreaterThan(0);
    }
  });
});
