import { describe, expect, it } from 'vitest';
import type { CompletionRequest, CompletionResult } from '../domain/contracts.js';
import {
  DEFAULT_CACHE_TTL_SECONDS,
  isDeterministic,
  MemoryResponseCache,
  responseCacheKey,
} from './response-cache.js';

const spec = { upstreamModel: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1' };
const request: CompletionRequest = {
  messages: [{ role: 'user', content: 'Summarise the minutes' }],
  maxOutputTokens: 200,
  temperature: 0,
};
const result: CompletionResult = {
  text: 'Done.',
  model: 'gpt-4o-mini@openai',
  finishReason: 'stop',
  inputTokens: 5,
  outputTokens: 2,
  costUsd: 0.001,
  latencyMs: 300,
  cached: false,
};

describe('responseCacheKey', () => {
  const base = responseCacheKey(spec, request);

  it.each<[string, Parameters<typeof responseCacheKey>]>([
    ['upstream model', [{ ...spec, upstreamModel: 'gpt-4o' }, request]],
    ['endpoint', [{ ...spec, baseURL: 'http://localhost:11434/v1' }, request]],
    ['message text', [spec, { ...request, messages: [{ role: 'user', content: 'Summarise it' }] }]],
    [
      'message role',
      [spec, { ...request, messages: [{ role: 'system', content: 'Summarise the minutes' }] }],
    ],
    ['max tokens', [spec, { ...request, maxOutputTokens: 201 }]],
    ['response format', [spec, { ...request, responseFormat: 'json' }]],
  ])('changes with the %s', (_name, args) => {
    expect(responseCacheKey(...args)).not.toBe(base);
  });

  it('ignores callbacks and signals', () => {
    const streaming = { ...request, onDelta: () => {}, signal: new AbortController().signal };
    expect(responseCacheKey(spec, streaming)).toBe(base);
  });

  it('is a sha256 under a namespace', () => {
    expect(base).toMatch(/^router:response:[0-9a-f]{64}$/);
  });
});

describe('isDeterministic', () => {
  it.each([
    [0, true],
    [0.2, false],
    [undefined, false],
  ])('temperature %s → %s', (temperature, expected) => {
    expect(isDeterministic({ temperature })).toBe(expected);
  });
});

describe('MemoryResponseCache', () => {
  it('keeps an answer for its TTL, a week by default', async () => {
    const time = { now: 0 };
    const cache = new MemoryResponseCache(() => time.now);
    await cache.set('k', result, DEFAULT_CACHE_TTL_SECONDS);
    time.now = 7 * 24 * 3600 * 1000 - 1;
    expect(await cache.get('k')).toEqual(result);
    time.now += 1;
    expect(await cache.get('k')).toBeUndefined();
  });
});
