import {
  InProcessEventBus,
  Role,
  signToken,
  type DomainEvent,
  type RunningService,
} from '@daena/platform';
import { Events, type RouterDriftDetected, type RouterSelectionMade } from '@daena/contracts';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  startOpenAiStub,
  testJwtSecret,
  waitFor,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgents } from './start-agents.js';

/**
 * Whole-request deadlines and drift, through the real service: an LLM classifier and a routed
 * model on the loopback stub, which can be made slow; drift is tripped by answers that fail the
 * automatic quality check.
 */
let database: TestDatabase;
let stub: OpenAiStub;
let service: RunningService;
let admin: string;
const bus = new InProcessEventBus(silentLogger());
const selections: DomainEvent<RouterSelectionMade>[] = [];
const drifts: DomainEvent<RouterDriftDetected>[] = [];
bus.subscribe(Events.routerSelectionMade, (event) => void selections.push(event));
bus.subscribe(Events.routerDriftDetected, (event) => void drifts.push(event));

/** Whether `solo` answers a JSON request with JSON (quality 1) or with prose (quality 0). */
let soloAnswersJson = true;
const slow = { kind: 'slow', delayMs: 60_000 } as const;

const models = (url: string) =>
  JSON.stringify([
    {
      name: 'classifier',
      baseURL: url,
      apiKey: 'sk-test-deadline-0123456789',
      inputUsdPerMTok: 0.1,
      outputUsdPerMTok: 0.1,
      contextWindow: 16_000,
      taskTypes: ['classification'],
    },
    {
      name: 'solo',
      baseURL: url,
      apiKey: 'sk-test-deadline-0123456789',
      inputUsdPerMTok: 1,
      outputUsdPerMTok: 2,
      contextWindow: 32_000,
      priorQuality: { default: 0.8 },
    },
  ]);

beforeAll(async () => {
  database = await createTestDatabase('router_deadline');
  stub = await startOpenAiStub({
    answer: (request) => {
      if (request.model !== 'solo' || !request.json) return undefined;
      return soloAnswersJson ? '{"dates":["2026-12-01"]}' : 'The date is the first of December.';
    },
  });
  service = await startAgents(database.url, bus, {
    env: {
      LLM_MODELS: models(stub.url),
      AGENTS_ANSWER_VOTE_REQUESTS: 'false',
      ROUTER_CLASSIFIER: 'llm',
      ROUTER_CLASSIFIER_MODEL: 'classifier',
    },
  });
  admin = await signToken(testJwtSecret, { sub: 'admin-deadline', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await service?.close();
  await stub?.close();
  await database?.drop();
});

interface Routed {
  answer: string | null;
  decision: {
    id: string;
    status: string;
    servedBy: string | null;
    classification: { method: string; signals: string[] };
  };
}

async function routeTask(input: Record<string, unknown>) {
  return graphql<{ routeTask: Routed }>(
    service.url,
    `
      mutation ($input: RouteTaskInput!) {
        routeTask(input: $input) {
          answer
          decision {
            id
            status
            servedBy
            classification {
              method
              signals
            }
          }
        }
      }
    `,
    { input },
    admin,
  );
}

async function storedDecision(id: string) {
  const { body } = await graphql<{ routingDecision: { status: string; errorReason: string } }>(
    service.url,
    `{ routingDecision(id: "${id}") { status errorReason } }`,
    {},
    admin,
  );
  return body.data?.routingDecision;
}

describe('the whole-request deadline', () => {
  it('classifies offline when the LLM classifier is slow, and still answers', async () => {
    stub.setBehaviour('classifier', slow);
    try {
      const { body } = await routeTask({
        text: 'Summarise: revenue rose 12% while costs fell.',
        // The classifier gets a quarter (2.5 s) and is cut off; the rest leaves room for a cold
        // first request on a loaded machine (2 s total once ran out before the call).
        deadlineMs: 10_000,
      });
      expect(body.errors).toBeUndefined();
      const decision = body.data?.routeTask.decision;
      expect(decision).toMatchObject({ status: 'SUCCEEDED', servedBy: 'solo' });
      expect(decision?.classification.method).toBe('offline');
      expect(decision?.classification.signals).toContain(
        'LLM classifier out of time: offline reading',
      );
    } finally {
      stub.setBehaviour('classifier', { kind: 'ok' });
    }
  });

  it('ends a request whose classifier and model are both slow with DEADLINE_EXCEEDED, and stores it FAILED', async () => {
    stub.setBehaviour('classifier', slow);
    stub.setBehaviour('solo', slow);
    try {
      const before = selections.length;
      // A quality requirement rules out the offline fallback: only `solo` can answer.
      const { body } = await routeTask({
        text: 'Summarise: revenue rose 12% while costs fell.',
        qualityRequirement: 0.5,
        deadlineMs: 1_000,
      });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAVAILABLE',
        reason: 'DEADLINE_EXCEEDED',
      });
      const selected = selections.slice(before);
      expect(selected).toHaveLength(1);
      expect(await storedDecision(selected[0]?.data.decisionId ?? '')).toEqual({
        status: 'FAILED',
        errorReason: 'DEADLINE_EXCEEDED',
      });
    } finally {
      stub.setBehaviour('classifier', { kind: 'ok' });
      stub.setBehaviour('solo', { kind: 'ok' });
    }
  });
});

describe('drift', () => {
  it('publishes router.drift.detected when the served model’s answers turn bad', async () => {
    const extract = (n: number) => ({
      text: `Extract every date from invoice ${n}: due 2026-12-01.`,
      taskType: 'EXTRACTION',
      json: true,
    });
    // Page–Hinkley needs 30 observations before it may fire (QUALITY_DRIFT.minObservations).
    for (let n = 0; n < 40; n++) {
      const { body } = await routeTask(extract(n));
      expect(body.data?.routeTask.decision.servedBy).toBe('solo');
    }
    expect(drifts.filter((event) => event.data.metric === 'quality')).toEqual([]);
    soloAnswersJson = false;
    // A drop from 1 to 0 fires within a few dozen signals; 100 bounds the loop, not the test.
    for (let n = 40; n < 140 && !drifts.some((e) => e.data.metric === 'quality'); n++) {
      await routeTask(extract(n));
    }
    const quality = await waitFor(() => {
      const event = drifts.find((e) => e.data.metric === 'quality');
      if (!event) throw new Error('no quality drift published yet');
      return event;
    });
    expect(quality.data).toMatchObject({
      model: 'solo',
      taskType: 'extraction',
      metric: 'quality',
      direction: 'worse',
    });
    expect(quality.data.statistic).toBeGreaterThan(quality.data.threshold);
  });
});
