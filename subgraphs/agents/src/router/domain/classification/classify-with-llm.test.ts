import { describe, expect, it } from 'vitest';
import type { CompletionRequest, CompletionResult } from '../contracts.js';
import { classifyWithLlm, type Complete } from './classify-with-llm.js';

const answering =
  (text: string): Complete =>
  async () =>
    result(text);

function result(text: string): CompletionResult {
  return {
    text,
    model: 'judge',
    finishReason: 'stop',
    inputTokens: 50,
    outputTokens: 10,
    costUsd: 0,
    latencyMs: 5,
    cached: false,
  };
}

const input = { text: 'Summarise the attached board minutes.' };

describe('classifyWithLlm', () => {
  it('uses a valid answer, and says whether the offline reading agrees', async () => {
    const agreed = await classifyWithLlm(
      input,
      answering('{"taskType":"summarisation","complexity":0.4}'),
    );
    expect(agreed).toMatchObject({ taskType: 'summarisation', complexity: 0.4, method: 'llm' });
    expect(agreed.signals).toEqual(['llm "judge" says summarisation', 'offline classifier agrees']);

    const disagreed = await classifyWithLlm(
      input,
      answering('{"taskType":"analysis","complexity":0.7}'),
    );
    expect(disagreed).toMatchObject({ taskType: 'analysis', method: 'llm', confidence: 0.7 });
    expect(disagreed.signals).toContain('offline classifier says summarisation');
  });

  it.each<[string, Complete, string]>([
    ['an answer that is not JSON', answering('summarisation, 0.3'), 'the answer was not valid'],
    [
      'an unknown task type',
      answering('{"taskType":"poetry","complexity":0.3}'),
      'the answer was not valid',
    ],
    [
      'a complexity out of range',
      answering('{"taskType":"code","complexity":3}'),
      'the answer was not valid',
    ],
    ['a missing field', answering('{"taskType":"code"}'), 'the answer was not valid'],
    ['a call that throws', () => Promise.reject(new Error('503')), 'the call failed'],
  ])('falls back to the offline result on %s', async (_, complete, why) => {
    const classification = await classifyWithLlm(input, complete);
    expect(classification).toMatchObject({ taskType: 'summarisation', method: 'offline' });
    expect(classification.signals[0]).toBe(`llm classification unused (${why}); offline result`);
  });

  it('asks for deterministic JSON with a system prompt naming every type', async () => {
    const requests: CompletionRequest[] = [];
    await classifyWithLlm({ ...input, context: 'y'.repeat(10_000) }, async (request) => {
      requests.push(request);
      return result('{"taskType":"summarisation","complexity":0.2}');
    });
    const [request] = requests;
    expect(request).toMatchObject({ temperature: 0, responseFormat: 'json' });
    expect(request?.messages[0]?.role).toBe('system');
    expect(request?.messages[0]?.content).toContain('"conversation"');
    expect(request?.messages[1]?.content.length).toBeLessThan(2100);
  });
});
