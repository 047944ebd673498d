import { InProcessEventBus, Role, signToken, type RunningService } from '@daena/platform';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  startOpenAiStub,
  testJwtSecret,
  testStores,
  waitFor,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgents } from './start-agents.js';

/**
 * Two replicas of the agents service on one database and one Redis: a provider's rate limits
 * hold for both together, so each router counts the other's calls (issue 5, "load against rate
 * limits").
 */
let database: TestDatabase;
let stub: OpenAiStub;
let replicas: RunningService[] = [];
let admin: string;

const models = (url: string) =>
  JSON.stringify([
    {
      name: 'limited',
      baseURL: url,
      apiKey: 'sk-test-peers',
      inputUsdPerMTok: 0.1,
      outputUsdPerMTok: 0.1,
      contextWindow: 32_000,
      requestsPerMinute: 4,
      priorQuality: { default: 0.95 },
    },
    {
      name: 'spare',
      baseURL: url,
      apiKey: 'sk-test-peers',
      inputUsdPerMTok: 5,
      outputUsdPerMTok: 15,
      contextWindow: 32_000,
      priorQuality: { default: 0.8 },
    },
  ]);

beforeAll(async () => {
  database = await createTestDatabase('router_peers');
  stub = await startOpenAiStub();
  const start = () =>
    startAgents(database.url, new InProcessEventBus(silentLogger()), {
      redisUrl: testStores.redisUrl,
      cacheKeyPrefix: `${database.name}:`,
      env: { LLM_MODELS: models(stub.url), AGENTS_ANSWER_VOTE_REQUESTS: 'false' },
    });
  replicas = [await start(), await start()];
  admin = await signToken(testJwtSecret, { sub: 'admin-1', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  await stub?.close();
  await database?.drop();
});

interface Routed {
  routeTask: {
    decision: {
      model: string;
      servedBy: string | null;
      candidates: { model: string; eligible: boolean; exclusion: string | null }[];
    };
  };
}

function route(replica: RunningService) {
  return graphql<Routed>(
    replica.url,
    `
      mutation ($input: RouteTaskInput!) {
        routeTask(input: $input) {
          decision {
            model
            servedBy
            candidates {
              model
              eligible
              exclusion
            }
          }
        }
      }
    `,
    {
      input: { text: 'Summarise the weekly status notes in three bullet points', temperature: 0.7 },
    },
    admin,
  );
}

async function loadOn(replica: RunningService, model: string): Promise<number> {
  const result = await graphql<{
    models: { name: string; load: { requestsLastMinute: number } }[];
  }>(replica.url, '{ models { name load { requestsLastMinute } } }', {}, admin);
  if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data.models.find((m) => m.name === model)?.load.requestsLastMinute ?? -1;
}

describe('rate limits across replicas', () => {
  it('counts the other replica’s calls, and moves to a spare model once they reach the limit', async () => {
    const [first, second] = replicas as [RunningService, RunningService];
    for (let i = 0; i < 4; i++) {
      const routed = await route(first);
      expect(routed.body.errors).toBeUndefined();
      expect(routed.body.data?.routeTask.decision.servedBy).toBe('limited');
    }
    // The second replica made no call, yet sees the first one's four within its sync interval.
    await waitFor(async () => expect(await loadOn(second, 'limited')).toBe(4));
    const routed = await route(second);
    expect(routed.body.errors).toBeUndefined();
    const decision = routed.body.data?.routeTask.decision;
    expect(decision?.servedBy).toBe('spare');
    expect(decision?.candidates.find((c) => c.model === 'limited')).toMatchObject({
      eligible: false,
      exclusion: 'RATE_LIMITED',
    });
  });

  it('shares what one replica learns of a model’s quality with the other', async () => {
    const [first, second] = replicas as [RunningService, RunningService];
    const stats = async (replica: RunningService) => {
      const result = await graphql<{
        routingStats: { taskType: string; posteriorMean: number; qualitySignals: number }[];
      }>(
        replica.url,
        '{ routingStats(model: "spare") { taskType posteriorMean qualitySignals } }',
        {},
        admin,
      );
      if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
      return result.body.data.routingStats;
    };
    // "limited" is at its limit for the minute (the test before): calls go to "spare".
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const routed = await graphql<{ routeTask: { decision: { id: string; servedBy: string } } }>(
        first.url,
        `
          mutation ($input: RouteTaskInput!) {
            routeTask(input: $input) {
              decision {
                id
                servedBy
              }
            }
          }
        `,
        { input: { text: 'Summarise the weekly status notes in three bullet points' } },
        admin,
      );
      expect(routed.body.data?.routeTask.decision.servedBy).toBe('spare');
      ids.push(routed.body.data?.routeTask.decision.id as string);
    }
    const before = (await stats(second))[0]?.posteriorMean ?? 0;
    for (const id of ids) {
      const feedback = await graphql(
        first.url,
        'mutation($id: ID!) { recordRoutingFeedback(decisionId: $id, quality: 0) { id } }',
        { id },
        admin,
      );
      expect(feedback.body.errors).toBeUndefined();
    }
    const learned = (await stats(first))[0]?.posteriorMean ?? 1;
    expect(learned).toBeLessThan(before);
    // The second replica made none of these calls and got none of the feedback.
    await waitFor(async () =>
      expect((await stats(second))[0]?.posteriorMean).toBeCloseTo(learned, 9),
    );
  });
});
