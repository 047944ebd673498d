import { silentLogger, startOpenAiStub, type OpenAiStub } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiProvider, offlineProvider, type ModelSpec, type TaskType } from '../index.js';
import { AnswerJudge } from './answer-judge.js';
import { stubModel } from './model-spec-fixtures.js';
import { RouterMetrics } from './router-metrics.js';

/** The judge through the real `openai` client against a loopback OpenAI-compatible server. */
let stub: OpenAiStub;
/** What the stub's judge model replies, per test. */
let judgeReply = '{"rating": 3, "reason": "misses the point"}';

beforeAll(async () => {
  stub = await startOpenAiStub({
    answer: (request) => (request.model === 'judge' ? judgeReply : undefined),
  });
});
afterAll(async () => {
  await stub?.close();
});

const judgeSpec = (sampleRate: number, maxUsdPerHour: number): ModelSpec =>
  stubModel(stub.url, {
    name: 'judge',
    apiKey: 'sk-judge',
    inputUsdPerMTok: 10_000,
    outputUsdPerMTok: 10_000,
    contextWindow: 128_000,
    priorQuality: {},
    timeoutMs: 5_000,
    judge: { sampleRate, maxUsdPerHour },
  });

function judgeWith(spec: ModelSpec, random = () => 0) {
  const learned: { model: string; taskType: TaskType; quality: number; source: string }[] = [];
  const judge = new AnswerJudge({
    judgeSpec: () => spec,
    providers: { 'openai-compatible': new OpenAiProvider(), offline: offlineProvider },
    learn: (model, taskType, quality, source) => {
      learned.push({ model, taskType, quality, source });
      return [];
    },
    drift: () => undefined,
    metrics: new RouterMetrics(),
    log: silentLogger(),
    clock: Date.now,
    random,
  });
  return { judge, learned };
}

const answer = (decisionId: string) => ({
  model: 'budget',
  taskType: 'summarisation' as const,
  prompt: 'Summarise the quarterly report in two sentences.',
  answer: 'Revenue grew. Costs grew.',
  decisionId,
});

describe('AnswerJudge', () => {
  it('grades a sampled answer and teaches the answering model the judge’s score', async () => {
    judgeReply = '{"rating": 3, "reason": "misses the point"}';
    const { judge, learned } = judgeWith(judgeSpec(1, 10));
    const before = stub.requests('judge').count;
    await expect(judge.consider(answer('d-1'))).resolves.toBeCloseTo(2 / 9, 10);
    expect(learned).toEqual([
      { model: 'budget', taskType: 'summarisation', quality: 2 / 9, source: 'judge' },
    ]);
    expect(stub.requests('judge').count).toBe(before + 1);
    const sent = JSON.stringify(stub.requests('judge').bodies.at(-1));
    expect(sent).toContain('Summarise the quarterly report');
    expect(sent).toContain('Revenue grew. Costs grew.');
  });

  it('leaves answers outside its sample alone', async () => {
    const { judge, learned } = judgeWith(judgeSpec(0.25, 10), () => 0.5);
    const before = stub.requests('judge').count;
    await expect(judge.consider(answer('d-2'))).resolves.toBeNull();
    expect(learned).toEqual([]);
    expect(stub.requests('judge').count).toBe(before);
  });

  it('stops at its hourly budget', async () => {
    judgeReply = '{"rating": 9}';
    // At $10,000 per million tokens a grade costs about a dollar: the budget pays for two.
    const { judge, learned } = judgeWith(judgeSpec(1, 2.5));
    const before = stub.requests('judge').count;
    const grades = [];
    for (let i = 0; i < 4; i++) grades.push(await judge.consider(answer(`d-3-${i}`)));
    expect(grades.filter((g) => g !== null)).toHaveLength(learned.length);
    expect(learned.length).toBeGreaterThanOrEqual(1);
    expect(learned.length).toBeLessThan(4);
    expect(stub.requests('judge').count - before).toBe(learned.length);
  });

  it('learns nothing from a reply without a rating, or from a failed call', async () => {
    judgeReply = 'I think it is rather good.';
    const { judge, learned } = judgeWith(judgeSpec(1, 10));
    await expect(judge.consider(answer('d-4'))).resolves.toBeNull();
    stub.failNext('judge', 1, { kind: 'fail', status: 500 });
    await expect(judge.consider(answer('d-5'))).resolves.toBeNull();
    expect(learned).toEqual([]);
  });

  it('never judges its own answers', async () => {
    const { judge, learned } = judgeWith(judgeSpec(1, 10));
    await expect(judge.consider({ ...answer('d-6'), model: 'judge' })).resolves.toBeNull();
    expect(learned).toEqual([]);
  });
});
