import { InProcessEventBus, Role, signToken, type RunningService } from '@daena/platform';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  startOpenAiStub,
  testJwtSecret,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgents } from '../../../test/start-agents.js';

/**
 * Issue 18: production routing learns from real quality signals. Every answer here is non-empty
 * and well formed, so the automatic checks pass them all; only the LLM judge (a model on the
 * loopback stub, called through the real `openai` client) tells bad from good, and the served
 * model's posterior follows its grades. Real Postgres; the stub is the only stand-in.
 */
let database: TestDatabase;
let stub: OpenAiStub;
let service: RunningService;
let admin: string;
let rating = 2;

const models = (url: string) =>
  JSON.stringify([
    {
      name: 'premium',
      baseURL: url,
      apiKey: 'sk-test',
      inputUsdPerMTok: 10,
      outputUsdPerMTok: 30,
      priorQuality: { default: 0.9 },
    },
    {
      name: 'budget',
      baseURL: url,
      apiKey: 'sk-test',
      inputUsdPerMTok: 0.2,
      outputUsdPerMTok: 0.6,
      priorQuality: { default: 0.85 },
    },
    {
      name: 'judge',
      baseURL: url,
      apiKey: 'sk-test',
      inputUsdPerMTok: 2.5,
      outputUsdPerMTok: 10,
      judge: { sampleRate: 1, maxUsdPerHour: 5 },
    },
  ]);

beforeAll(async () => {
  database = await createTestDatabase('router_judge');
  stub = await startOpenAiStub({
    answer: (request) =>
      request.model === 'judge' ? JSON.stringify({ rating, reason: 'graded' }) : undefined,
  });
  service = await startAgents(database.url, new InProcessEventBus(silentLogger()), {
    env: { LLM_MODELS: models(stub.url), AGENTS_ANSWER_VOTE_REQUESTS: 'false' },
  });
  admin = await signToken(testJwtSecret, { sub: 'admin-1', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await service?.close();
  await stub?.close();
  await database?.drop();
});

type Stats = { model: string; posteriorMean: number; qualitySignals: number }[];

async function summarise(n: number): Promise<Map<string, number>> {
  const served = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const { body } = await graphql<{ routeTask: { decision: { servedBy: string } } }>(
      service.url,
      `
        mutation ($input: RouteTaskInput!) {
          routeTask(input: $input) {
            decision {
              servedBy
            }
          }
        }
      `,
      {
        input: {
          text: `Summarise release note ${rating}-${i} in one line.`,
          taskType: 'SUMMARISATION',
        },
      },
      admin,
    );
    const model = body.data?.routeTask.decision.servedBy ?? 'none';
    served.set(model, (served.get(model) ?? 0) + 1);
  }
  return served;
}

async function posteriors(): Promise<Stats> {
  const { body } = await graphql<{ routingStats: Stats }>(
    service.url,
    '{ routingStats(taskType: SUMMARISATION) { model posteriorMean qualitySignals } }',
    {},
    admin,
  );
  return body.data?.routingStats ?? [];
}

const meanOf = (stats: Stats, model: string) =>
  stats.find((s) => s.model === model)?.posteriorMean ?? Number.NaN;

/** Prior mean and strength of each routed model (`priorQuality.default`, 32 pseudo-signals). */
const PRIORS: Record<string, number> = { premium: 0.9, budget: 0.85 };
const PRIOR_STRENGTH = 32;

/**
 * Where the posterior should be after these grades: every answer's automatic check (1, "no
 * defect") counts 0.1 of a signal, every judge grade (r − 1)/9 one signal (SIGNAL_TRUST); the
 * 0.999 discount per signal moves it by less than the tolerance used.
 */
function expectedMean(model: string, grades: readonly number[]): number {
  const p = PRIORS[model] ?? 0.5;
  const graded = grades.reduce((sum, r) => sum + (r - 1) / 9, 0);
  return (
    (PRIOR_STRENGTH * p + 0.1 * grades.length + graded) / (PRIOR_STRENGTH + 1.1 * grades.length)
  );
}

describe('the router learns from the LLM judge', () => {
  const grades = new Map<string, number[]>();
  const judgeSaw = async (n: number) => {
    await expect.poll(() => stub.requests('judge').count).toBe(n);
  };
  const posteriorsFollowGrades = async () => {
    await expect
      .poll(async () => {
        const stats = await posteriors();
        return [...grades].every(
          ([model, given]) => Math.abs(meanOf(stats, model) - expectedMean(model, given)) < 0.01,
        );
      })
      .toBe(true);
  };
  /** Routes `n` prompts the judge grades `grade`; returns the models that served them. */
  const route = async (n: number, grade: number) => {
    rating = grade;
    const served = await summarise(n);
    for (const [model, count] of served) {
      grades.set(model, [...(grades.get(model) ?? []), ...Array<number>(count).fill(grade)]);
    }
    return [...served.keys()];
  };

  it('pulls the served model’s posterior down on low grades of well-formed answers', async () => {
    await route(8, 2);
    // Grading runs after each answer is returned: every answer reaches the judge, which is never
    // routed to itself.
    await judgeSaw(8);
    expect([...grades.keys()].every((m) => m === 'premium' || m === 'budget')).toBe(true);
    await posteriorsFollowGrades();
    const stats = await posteriors();
    for (const model of grades.keys()) {
      expect(meanOf(stats, model)).toBeLessThan((PRIORS[model] ?? 0) - 0.02);
    }
  });

  it('pushes it back up on high grades', async () => {
    const before = await posteriors();
    const served = await route(8, 10);
    await judgeSaw(16);
    await posteriorsFollowGrades();
    const after = await posteriors();
    // Only a model that served (and so was graded) in this round moves; one the router left idle
    // keeps its posterior.
    expect(served.length).toBeGreaterThan(0);
    for (const model of grades.keys()) {
      if (!before.some((s) => s.model === model)) continue;
      if (served.includes(model)) {
        expect(meanOf(after, model)).toBeGreaterThan(meanOf(before, model));
      } else {
        expect(meanOf(after, model)).toBeCloseTo(meanOf(before, model), 2);
      }
    }
  });
});
