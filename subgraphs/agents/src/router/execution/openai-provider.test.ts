import { startOpenAiStub, type OpenAiStub } from '@daena/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionRequest, ModelSpec } from '../domain/contracts.js';
import { ProviderError } from '../domain/errors.js';
import { OpenAiProvider } from './openai-provider.js';

let stub: OpenAiStub;
const provider = new OpenAiProvider();

beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());

function spec(upstreamModel: string, overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    name: `${upstreamModel}@stub`,
    kind: 'openai-compatible',
    baseURL: stub.url,
    upstreamModel,
    apiKey: 'sk-stub-provider-key-0123456789',
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 4,
    contextWindow: 8_000,
    taskTypes: [],
    features: ['streaming', 'json'],
    requestsPerMinute: null,
    tokensPerMinute: null,
    enabled: true,
    priorQuality: {},
    timeoutMs: 5_000,
    ...overrides,
  };
}

const ask = (content: string, more: Partial<CompletionRequest> = {}): CompletionRequest => ({
  messages: [{ role: 'user', content }],
  ...more,
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError))
    throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('OpenAiProvider against the loopback stub', () => {
  it('answers with the usage the provider reports and the cost from the spec’s prices', async () => {
    stub.setBehaviour('p-ok', { kind: 'ok' });
    const result = await provider.complete(spec('p-ok'), ask('What is 2+2?'));
    expect(result).toMatchObject({
      text: 'Stub answer to: What is 2+2?',
      model: 'p-ok@stub',
      finishReason: 'stop',
    });
    expect([result.inputTokens, result.outputTokens]).toEqual([3, 7]); // the stub’s chars/4, not our estimate (6 in)
    expect(result.costUsd).toBeCloseTo((3 * 1 + 7 * 4) / 1e6, 12);
  });

  it('sends the request the way OpenAI-compatible servers read it', async () => {
    const request = ask('json please', {
      maxOutputTokens: 50,
      temperature: 0,
      responseFormat: 'json',
    });
    await provider.complete(spec('p-params'), request);
    expect(stub.requests('p-params').bodies[0]).toMatchObject({
      model: 'p-params',
      max_tokens: 50,
      temperature: 0,
      response_format: { type: 'json_object' },
    });
  });

  it('maps a finish at the token limit to length', async () => {
    const result = await provider.complete(
      spec('p-len'),
      ask('a long question indeed', { maxOutputTokens: 2 }),
    );
    expect(result.finishReason).toBe('length');
  });

  it('streams deltas and takes the usage from the final chunk', async () => {
    stub.setBehaviour('p-stream', { kind: 'stream', chunkDelayMs: 5 });
    const deltas: string[] = [];
    const result = await provider.complete(
      spec('p-stream'),
      ask('stream this answer', { onDelta: (d) => deltas.push(d) }),
    );
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(result.text);
    expect(result.text).toBe('Stub answer to: stream this answer');
    expect([result.inputTokens, result.outputTokens]).toEqual([5, 9]);
    expect(stub.requests('p-stream').bodies[0]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it.each([
    ['a non-JSON body', { kind: 'garbage' } as const, false],
    ['no choices', { kind: 'empty' } as const, false],
    ['a non-JSON event', { kind: 'garbage' } as const, true],
    ['a stream with no choices', { kind: 'empty' } as const, true],
  ])('turns %s into bad_response (streaming: %s)', async (_name, behaviour, streaming) => {
    const model = `p-bad-${behaviour.kind}-${streaming}`;
    stub.setBehaviour(model, behaviour);
    const request = ask('hi', streaming ? { onDelta: () => {} } : {});
    expect((await failure(provider.complete(spec(model), request))).kind).toBe('bad_response');
  });

  it.each([
    ['finish_reason content_filter', { kind: 'contentFilter' } as const, 'content_filter'],
    ['a 400 content_filter', { kind: 'contentFilter', as: 'error' } as const, 'content_filter'],
    ['a 400 context_length_exceeded', { kind: 'contextLength' } as const, 'context_length'],
    ['a 503', { kind: 'fail', status: 503 } as const, 'server_error'],
    ['a 429', { kind: 'rateLimit', retryAfterSeconds: 7 } as const, 'rate_limited'],
  ])('classifies %s', async (_name, behaviour, kind) => {
    const model = `p-${behaviour.kind}-${kind}`;
    stub.setBehaviour(model, behaviour);
    const error = await failure(provider.complete(spec(model), ask('hi')));
    expect(error.kind).toBe(kind);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(7_000);
  });

  it('times out at the spec’s timeout on a model that never answers', async () => {
    stub.setBehaviour('p-hang', { kind: 'hang' });
    const error = await failure(provider.complete(spec('p-hang', { timeoutMs: 100 }), ask('hi')));
    expect(error.kind).toBe('timeout');
  });

  it('stops when the caller aborts', async () => {
    stub.setBehaviour('p-abort', { kind: 'hang' });
    const controller = new AbortController();
    const call = provider.complete(spec('p-abort'), ask('hi', { signal: controller.signal }));
    controller.abort();
    expect((await failure(call)).kind).toBe('aborted');
  });

  it('never puts the key in an error, even when the provider echoes it', async () => {
    stub.setBehaviour('p-auth', { kind: 'unauthorized' });
    const key = 'sk-live-very-secret-abcdef123456';
    const error = await failure(provider.complete(spec('p-auth', { apiKey: key }), ask('hi')));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('[redacted]'); // the stub did echo it
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(key);
  });
});

describe('the stub', () => {
  it('lists its models', async () => {
    const client = new OpenAI({ baseURL: stub.url, apiKey: 'x', maxRetries: 0 });
    stub.setBehaviour('listed', { kind: 'ok' });
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('listed');
  });

  it('fails the next n requests, then recovers', async () => {
    stub.failNext('flaky', 2, { kind: 'fail' });
    const kinds = [];
    for (let i = 0; i < 3; i++) {
      kinds.push(
        await provider.complete(spec('flaky'), ask('hi')).then(
          () => 'ok',
          (e: ProviderError) => e.kind,
        ),
      );
    }
    expect(kinds).toEqual(['server_error', 'server_error', 'ok']);
  });

  it('closes with a request still hanging', async () => {
    const own = await startOpenAiStub({ defaultBehaviour: { kind: 'hang' } });
    const pending = provider
      .complete(spec('any', { baseURL: own.url }), ask('hi'))
      .catch((e: unknown) => e);
    await expect.poll(() => own.requests().count).toBe(1);
    await own.close();
    expect(await pending).toBeInstanceOf(ProviderError);
  });
});
