import { startOpenAiStub, type OpenAiStub } from '@daena/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutcome, CompletionRequest, ModelSpec } from '../domain/contracts.js';
import { AllModelsFailedError, ProviderError } from '../domain/errors.js';
import { CircuitBreakers, type CircuitBreakerOptions } from './circuit-breaker.js';
import { executeWithFallbacks, type ExecuteOptions } from './execute-with-fallbacks.js';
import { LoadWindows } from './load-window.js';
import { OpenAiProvider } from './openai-provider.js';
import { MemoryResponseCache } from './response-cache.js';

let stub: OpenAiStub;
let seq = 0;
const provider = new OpenAiProvider();
const breakerOptions: CircuitBreakerOptions = {
  consecutiveFailures: 3,
  failureRate: 0.5,
  minCalls: 10,
  windowMs: 60_000,
  coolDownMs: 10_000,
};

beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());

/** A fresh pair of models per test, so stub behaviours and request counts never leak. */
let primary: ModelSpec;
let fallback: ModelSpec;
beforeEach(() => {
  seq += 1;
  primary = model(`primary-${seq}`);
  fallback = model(`fallback-${seq}`);
});

function model(upstreamModel: string, overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    name: `${upstreamModel}@stub`,
    kind: 'openai-compatible',
    baseURL: stub.url,
    upstreamModel,
    apiKey: 'sk-stub-executor-key-0123456789',
    inputUsdPerMTok: 0.15,
    outputUsdPerMTok: 0.6,
    contextWindow: 128_000,
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

/** Real I/O against the stub; clock, RNG and sleep are the test's. */
function harness(time = { now: Date.now() }, clock: () => number = () => time.now) {
  const outcomes: CallOutcome[] = [];
  const sleeps: number[] = [];
  const breakers = new CircuitBreakers(clock, breakerOptions);
  const loads = new LoadWindows(clock);
  const run = (request: CompletionRequest, more: Partial<ExecuteOptions> = {}) =>
    executeWithFallbacks({
      models: [primary, fallback],
      request,
      taskType: 'summarisation',
      providerFor: () => provider,
      breakers,
      loads,
      deadlineMs: 10_000,
      maxAttemptsPerModel: 2,
      clock,
      rng: () => 0.5,
      sleep: async (ms) => void sleeps.push(ms),
      onOutcome: (outcome) => outcomes.push(outcome),
      ...more,
    });
  return { run, outcomes, sleeps, breakers, loads, time };
}

const ask = (content = 'Summarise the meeting', more: Partial<CompletionRequest> = {}) => ({
  messages: [{ role: 'user' as const, content }],
  ...more,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error,
  );
}

describe('executeWithFallbacks over the real openai client', () => {
  it('answers from the chosen model and accounts tokens, cost and quality', async () => {
    const { run, outcomes } = harness();
    const { result, attempts } = await run(ask());
    expect(result).toMatchObject({ model: primary.name, finishReason: 'stop', cached: false });
    expect(result.costUsd).toBeCloseTo(
      (result.inputTokens * 0.15 + result.outputTokens * 0.6) / 1e6,
      12,
    );
    expect(attempts.map((a) => [a.model, a.status])).toEqual([[primary.name, 'ok']]);
    expect(outcomes).toEqual([
      expect.objectContaining({
        model: primary.name,
        taskType: 'summarisation',
        ok: true,
        quality: 1,
      }),
    ]);
    expect(outcomes[0]?.inputTokens).toBeGreaterThan(0);
  });

  it('streams deltas through', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'stream', chunkDelayMs: 2 });
    const deltas: string[] = [];
    const { result } = await harness().run(ask('Stream me', { onDelta: (d) => deltas.push(d) }));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(result.text);
  });

  it('falls back at once on a 429 with a long retry-after', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'rateLimit', retryAfterSeconds: 30 });
    const { run, sleeps } = harness();
    const { result, attempts } = await run(ask());
    expect(result.model).toBe(fallback.name);
    expect(attempts.map((a) => a.errorKind)).toEqual(['rate_limited', null]);
    expect([stub.requests(primary.upstreamModel).count, sleeps]).toEqual([1, []]);
  });

  it('waits out a short retry-after on the same model', async () => {
    stub.failNext(primary.upstreamModel, 1, { kind: 'rateLimit', retryAfterSeconds: 1 });
    const { run, sleeps } = harness();
    const { result } = await run(ask());
    expect(result.model).toBe(primary.name);
    expect(sleeps).toEqual([1_000]);
  });

  it('retries a 500 on the same model after a jittered backoff, and succeeds', async () => {
    stub.failNext(primary.upstreamModel, 1, { kind: 'fail', status: 500 });
    const { run, sleeps, outcomes } = harness();
    const { result, attempts } = await run(ask());
    expect(result.model).toBe(primary.name);
    expect(attempts.map((a) => [a.attempt, a.status, a.errorKind])).toEqual([
      [1, 'failed', 'server_error'],
      [2, 'ok', null],
    ]);
    expect(sleeps).toEqual([50]); // full jitter: rng 0.5 × 100 ms
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
  });

  it('falls back when the primary keeps failing', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'fail', status: 502 });
    const { result, attempts } = await harness().run(ask());
    expect(result.model).toBe(fallback.name);
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'ok']);
  });

  it('falls back on a model that hangs, within the deadline', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'hang' });
    primary = { ...primary, timeoutMs: 200 };
    const { result, attempts } = await harness(undefined, Date.now).run(ask(), {
      deadlineMs: 5_000,
    });
    expect(result.model).toBe(fallback.name);
    expect(attempts.map((a) => a.errorKind)).toEqual(['timeout', 'timeout', null]);
  });

  it('ends at the deadline when nothing answers, however long the models’ timeouts', async () => {
    // With a 60 s per-attempt timeout, only the 300 ms deadline can end this within the test's 30 s.
    for (const spec of [primary, fallback]) stub.setBehaviour(spec.upstreamModel, { kind: 'hang' });
    primary = { ...primary, timeoutMs: 60_000 };
    fallback = { ...fallback, timeoutMs: 60_000 };
    const started = Date.now();
    const error = await rejection(harness(undefined, Date.now).run(ask(), { deadlineMs: 300 }));
    expect(error).toBeInstanceOf(AllModelsFailedError);
    expect((error as AllModelsFailedError).reason).toBe('DEADLINE_EXCEEDED');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('falls back at once on context_length, without holding it against the model', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'contextLength' });
    const { run, sleeps, breakers } = harness();
    const { result } = await run(ask());
    expect(result.model).toBe(fallback.name);
    expect([stub.requests(primary.upstreamModel).count, sleeps]).toEqual([1, []]);
    expect(breakers.health(primary.name)).toEqual({ circuit: 'closed', recentErrorRate: 0 });
  });

  it.each([
    ['a content_filter finish', { kind: 'contentFilter' } as const],
    ['a 400 content_filter', { kind: 'contentFilter', as: 'error' } as const],
  ])('falls back at once on %s, without holding it against the model', async (_name, behaviour) => {
    stub.setBehaviour(primary.upstreamModel, behaviour);
    const { run, sleeps, breakers } = harness();
    const { result, attempts } = await run(ask());
    expect(result.model).toBe(fallback.name);
    expect(attempts.map((a) => a.errorKind)).toEqual(['content_filter', null]);
    expect([stub.requests(primary.upstreamModel).count, sleeps]).toEqual([1, []]);
    expect(breakers.health(primary.name).circuit).toBe('closed');
  });

  it('voids the text of a stream that breaks part way, and streams the fallback from the start', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'streamCut', afterChunks: 2 });
    const pieces: string[] = [];
    const discarded: string[] = [];
    const { result, attempts } = await harness().run(
      ask('Stream me a longer answer please', { onDelta: (d) => pieces.push(d) }),
      {
        onStreamDiscarded: (attempt) => {
          discarded.push(`${attempt.model}#${attempt.attempt}:${attempt.errorKind}`);
          pieces.length = 0; // what a client does on a reset
        },
      },
    );
    expect(result.model).toBe(fallback.name);
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'ok']);
    expect(discarded).toEqual([
      `${primary.name}#1:${attempts[0]?.errorKind}`,
      `${primary.name}#2:${attempts[1]?.errorKind}`,
    ]);
    expect(pieces.join('')).toBe(result.text);
  });

  it.each(['garbage', 'empty'] as const)('falls back at once on a %s 200', async (kind) => {
    stub.setBehaviour(primary.upstreamModel, { kind });
    const { result, attempts } = await harness().run(ask());
    expect(result.model).toBe(fallback.name);
    expect(attempts.map((a) => a.errorKind)).toEqual(['bad_response', null]);
  });

  it('opens the circuit after repeated failures, skips the model, and half-opens after the cool-down', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'fail' });
    const h = harness({ now: Date.parse('2025-01-01T00:00:00Z') });
    await h.run(ask()); // two failures
    await h.run(ask()); // the third opens the circuit
    expect(h.breakers.health(primary.name).circuit).toBe('open');
    const calls = stub.requests(primary.upstreamModel).count;

    const skipped = await h.run(ask());
    expect(skipped.attempts[0]).toMatchObject({ status: 'skipped', errorKind: 'circuit_open' });
    expect(stub.requests(primary.upstreamModel).count).toBe(calls);

    stub.setBehaviour(primary.upstreamModel, { kind: 'ok' });
    h.time.now += breakerOptions.coolDownMs;
    expect(h.breakers.health(primary.name).circuit).toBe('half-open');
    const probe = await h.run(ask());
    expect(probe.result.model).toBe(primary.name);
    expect(h.breakers.health(primary.name).circuit).toBe('closed');
  });

  it('moves traffic to the fallback with no failed request when the primary dies mid-run', async () => {
    const { run } = harness();
    const answeredBy: string[] = [];
    for (let i = 0; i < 20; i++) {
      if (i === 5) stub.setBehaviour(primary.upstreamModel, { kind: 'fail', status: 503 });
      answeredBy.push((await run(ask(`Task ${i}`))).result.model);
    }
    expect(answeredBy.slice(0, 5)).toEqual(Array(5).fill(primary.name));
    expect(answeredBy.slice(5)).toEqual(Array(15).fill(fallback.name));
    // Once its circuit opened, the dead primary was no longer called.
    expect(stub.requests(primary.upstreamModel).count).toBe(5 + breakerOptions.consecutiveFailures);
  });

  it('skips a model whose rate limit is reached, without calling it', async () => {
    primary = { ...primary, requestsPerMinute: 1 };
    const { run } = harness();
    await run(ask());
    const { result, attempts } = await run(ask());
    expect(result.model).toBe(fallback.name);
    expect(attempts[0]).toMatchObject({ status: 'skipped', errorKind: 'rate_limited' });
    expect(stub.requests(primary.upstreamModel).count).toBe(1);
  });

  it('serves a deterministic request from the cache the second time', async () => {
    const h = harness();
    const cache = new MemoryResponseCache(() => h.time.now);
    const request = ask('Classify this ticket', { temperature: 0 });
    const first = await h.run(request, { cache });
    const second = await h.run(request, { cache });
    expect(second.result).toMatchObject({ text: first.result.text, cached: true, costUsd: 0 });
    expect(stub.requests(primary.upstreamModel).count).toBe(1);
    expect(h.outcomes).toHaveLength(1); // a cache hit is not a model call
  });

  it('treats a cache that never answers as a miss, within the deadline', async () => {
    const stuck = { get: () => new Promise<never>(() => {}), set: async () => {} };
    const request = ask('Classify this ticket', { temperature: 0 });
    const error = await rejection(
      harness(undefined, Date.now).run(request, { cache: stuck, deadlineMs: 200 }),
    );
    expect(error).toMatchObject({ reason: 'DEADLINE_EXCEEDED' });
  });

  it('does not cache a request with a temperature', async () => {
    const h = harness();
    const cache = new MemoryResponseCache(() => h.time.now);
    await h.run(ask('Write a poem', { temperature: 0.7 }), { cache });
    await h.run(ask('Write a poem', { temperature: 0.7 }), { cache });
    expect(stub.requests(primary.upstreamModel).count).toBe(2);
  });

  it('stops without falling back when the caller aborts', async () => {
    stub.setBehaviour(primary.upstreamModel, { kind: 'hang' });
    const controller = new AbortController();
    const pending = rejection(harness().run(ask('hi', { signal: controller.signal })));
    await expect.poll(() => stub.requests(primary.upstreamModel).count).toBe(1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
    expect(stub.requests(fallback.upstreamModel).count).toBe(0);
  });

  it('never puts the key in the error when every model refuses it', async () => {
    const key = 'sk-proj-top-secret-0123456789abcdef';
    for (const spec of [primary, fallback])
      stub.setBehaviour(spec.upstreamModel, { kind: 'unauthorized' });
    primary = { ...primary, apiKey: key };
    fallback = { ...fallback, apiKey: key };
    const error = await rejection(harness().run(ask()));
    expect(error).toBeInstanceOf(AllModelsFailedError);
    const everything = JSON.stringify({
      error,
      message: (error as Error).message,
      details: (error as AllModelsFailedError).details,
    });
    expect(everything).toContain('auth');
    expect(everything).not.toContain(key);
    expect(everything).not.toContain('top-secret');
  });

  it('throws a typed error when there is no model to try', async () => {
    const error = await rejection(harness().run(ask(), { models: [] }));
    expect(error).toBeInstanceOf(AllModelsFailedError);
    expect(error).not.toBeInstanceOf(ProviderError);
  });
});
