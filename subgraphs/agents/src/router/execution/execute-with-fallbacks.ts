import type {
  CallOutcome,
  CompletionRequest,
  CompletionResult,
  ModelSpec,
  Provider,
  ProviderErrorKind,
  TaskType,
} from '../domain/contracts.js';
import { AllModelsFailedError, ProviderError } from '../domain/errors.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import type { CircuitBreakers } from './circuit-breaker.js';
import { RECOVERY, shouldRetrySameModel } from './error-recovery.js';
import { estimateRequestTokens } from './estimate-tokens.js';
import type { LoadWindows } from './load-window.js';
import { automaticQuality } from './quality-signals.js';
import {
  DEFAULT_CACHE_TTL_SECONDS,
  isDeterministic,
  responseCacheKey,
  type ResponseCache,
} from './response-cache.js';
import { runAttempt } from './run-attempt.js';

/** One thing the executor did with one model. */
export interface Attempt {
  readonly model: string;
  /** 1 for the first try on this model. */
  readonly attempt: number;
  /** `skipped`: circuit open or rate limit reached, never called; `cached`: served from the cache. */
  readonly status: 'ok' | 'failed' | 'skipped' | 'cached';
  readonly errorKind: ProviderErrorKind | null;
  /** Why it failed or was skipped; never contains a key. */
  readonly message: string | null;
  readonly latencyMs: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly quality: number | null;
}

export interface ExecuteOptions {
  /** The chosen model first, then its fallbacks, in order. */
  readonly models: readonly ModelSpec[];
  readonly request: CompletionRequest;
  readonly taskType: TaskType;
  providerFor(spec: ModelSpec): Provider;
  readonly breakers: CircuitBreakers;
  readonly loads: LoadWindows;
  /** Deterministic requests (temperature 0) are served from and stored in it. */
  readonly cache?: ResponseCache | undefined;
  readonly cacheTtlSeconds?: number | undefined;
  /** Milliseconds the whole call may take, retries, backoffs and fallbacks included. */
  readonly deadlineMs: number;
  readonly maxAttemptsPerModel: number;
  readonly backoff?: BackoffOptions | undefined;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  /** Uniform on [0, 1), for the backoff jitter. */
  readonly rng: () => number;
  /** Waits between retries; `abortableSleep` in production, instant in tests. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Every call made (not skips or cache hits). Must not throw: accounting never fails a request. */
  onOutcome(outcome: CallOutcome): void;
  /**
   * A streaming attempt failed after `request.onDelta` had received part of its answer: that
   * text is void, and what follows (a retry or a fallback) streams from the start. Must not throw.
   */
  onStreamDiscarded?(attempt: Attempt): void;
}

export interface Execution {
  readonly result: CompletionResult;
  readonly attempts: readonly Attempt[];
}

interface Run extends ExecuteOptions {
  readonly deadlineAt: number;
  readonly tokens: number;
  readonly attempts: Attempt[];
  outOfTime: boolean;
}

/**
 * Answers `request` with the first model that can: skips models whose circuit is open or whose
 * rate limit is reached, retries transient failures on the same model with jittered backoff,
 * falls back on the rest (`RECOVERY`), and bounds every attempt by the time left, so the call
 * always ends within `deadlineMs`. Throws `AllModelsFailedError` (`DEADLINE_EXCEEDED` when time
 * ran out) or, when the caller aborts, a `ProviderError` of kind `aborted`.
 */
export async function executeWithFallbacks(options: ExecuteOptions): Promise<Execution> {
  const run: Run = {
    ...options,
    deadlineAt: options.clock() + options.deadlineMs,
    tokens: estimateRequestTokens(options.request),
    attempts: [],
    outOfTime: false,
  };
  for (const spec of options.models) {
    const result = (await fromCache(run, spec)) ?? (await tryModel(run, spec));
    if (result) return { result, attempts: run.attempts };
    if (run.outOfTime) break;
  }
  throw allFailed(run);
}

async function tryModel(run: Run, spec: ModelSpec): Promise<CompletionResult | null> {
  for (let attempt = 1; attempt <= run.maxAttemptsPerModel; attempt++) {
    throwIfCallerAborted(run, spec);
    const left = run.deadlineAt - run.clock();
    if (left <= 0) {
      run.outOfTime = true;
      return null;
    }
    const skip = skipReason(run, spec);
    if (skip) {
      record(run, { ...noCall(spec, attempt), status: 'skipped', ...skip });
      return null;
    }
    const budgetMs = Math.min(spec.timeoutMs, left);
    const answer = await attemptOnce(run, spec, attempt, budgetMs);
    if (!(answer instanceof ProviderError)) return answer;
    if (answer.kind === 'timeout' && budgetMs < spec.timeoutMs) {
      run.outOfTime = true; // the attempt had only what was left of the deadline
      return null;
    }
    if (RECOVERY[answer.kind] === 'stop') throw answer;
    if (
      attempt === run.maxAttemptsPerModel ||
      !shouldRetrySameModel(answer.kind, answer.retryAfterMs)
    ) {
      return null;
    }
    const delay = backoffDelayMs(
      attempt,
      run.rng,
      answer.retryAfterMs,
      run.backoff ?? DEFAULT_BACKOFF,
    );
    if (run.clock() + delay >= run.deadlineAt) return null; // the next model may still fit
    await run.sleep(delay, run.request.signal);
  }
  return null;
}

function skipReason(
  run: Run,
  spec: ModelSpec,
): { errorKind: ProviderErrorKind; message: string } | null {
  if (run.loads.get(spec.name).wouldExceed(spec, run.tokens)) {
    return { errorKind: 'rate_limited', message: 'Rate limit of the model reached; not called' };
  }
  if (!run.breakers.get(spec.name).tryAcquire()) {
    return { errorKind: 'circuit_open', message: 'Circuit open; not called' };
  }
  return null;
}

/** One provider call with its bookkeeping: load, breaker, outcome, attempt, cache. */
async function attemptOnce(
  run: Run,
  spec: ModelSpec,
  attempt: number,
  budgetMs: number,
): Promise<CompletionResult | ProviderError> {
  const ticket = run.loads.get(spec.name).start(run.tokens);
  const breaker = run.breakers.get(spec.name);
  const stream = gatedDeltas(run.request.onDelta);
  const request = stream ? { ...run.request, onDelta: stream.onDelta } : run.request;
  const answer = await runAttempt(run.providerFor(spec), spec, request, budgetMs, run.clock);
  stream?.close();
  if (!answer.ok) {
    ticket.finish(0);
    breaker.recordFailure(answer.error.kind);
    const failed: Attempt = {
      ...noCall(spec, attempt),
      status: 'failed',
      errorKind: answer.error.kind,
      message: answer.error.message,
      latencyMs: answer.latencyMs,
    };
    record(run, failed, spec);
    if (stream?.streamed()) notifyDiscarded(run, failed);
    return answer.error;
  }
  const result: CompletionResult = { ...answer.result, latencyMs: answer.latencyMs, cached: false };
  ticket.finish(result.inputTokens + result.outputTokens);
  breaker.recordSuccess();
  const quality = automaticQuality(run.request, result);
  record(run, { ...noCall(spec, attempt), ...usageOf(result), status: 'ok', quality }, spec);
  store(run, spec, result);
  return result;
}

/**
 * The caller's `onDelta` for one attempt, cut off when the attempt ends: a provider that ignores
 * the abort and keeps streaming after its budget ran out must not mix into the next attempt.
 */
function gatedDeltas(onDelta: CompletionRequest['onDelta']) {
  if (!onDelta) return undefined;
  let open = true;
  let pieces = 0;
  return {
    onDelta: (text: string) => {
      if (!open) return;
      pieces += 1;
      onDelta(text);
    },
    close: () => void (open = false),
    streamed: () => pieces > 0,
  };
}

function notifyDiscarded(run: Run, attempt: Attempt): void {
  try {
    run.onStreamDiscarded?.(attempt);
  } catch {
    // Like accounting, telling the caller must not change how the request ends.
  }
}

function record(run: Run, attempt: Attempt, calledSpec?: ModelSpec): void {
  run.attempts.push(attempt);
  if (!calledSpec) return;
  try {
    run.onOutcome({
      model: attempt.model,
      taskType: run.taskType,
      at: new Date(run.clock()),
      ok: attempt.status === 'ok',
      errorKind: attempt.errorKind,
      latencyMs: attempt.latencyMs,
      inputTokens: attempt.inputTokens,
      outputTokens: attempt.outputTokens,
      costUsd: attempt.costUsd,
      quality: attempt.quality,
    });
  } catch {
    // A failing listener (tracker, metrics) must not turn an answered request into a failure.
  }
}

async function fromCache(run: Run, spec: ModelSpec): Promise<CompletionResult | null> {
  if (!run.cache || !isDeterministic(run.request)) return null;
  const started = run.clock();
  const lookup = run.cache.get(responseCacheKey(spec, run.request)).catch(() => undefined);
  const hit = await withinMs(lookup, run.deadlineAt - started);
  if (!hit) return null;
  const result: CompletionResult = {
    ...hit,
    costUsd: 0,
    latencyMs: run.clock() - started,
    cached: true,
  };
  run.request.onDelta?.(result.text); // a cached answer "streams" in one piece
  record(run, { ...noCall(spec, 1), ...usageOf(result), status: 'cached', quality: null });
  return result;
}

/** A slow cache is a miss: the lookup gets no more than the time left. */
async function withinMs<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, ms))),
  );
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function store(run: Run, spec: ModelSpec, result: CompletionResult): void {
  if (!run.cache || !isDeterministic(run.request)) return;
  const ttl = run.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS;
  // Not awaited: the answer is not held back by the cache, and a failing cache is only a miss.
  run.cache.set(responseCacheKey(spec, run.request), result, ttl).catch(() => {});
}

function throwIfCallerAborted(run: Run, spec: ModelSpec): void {
  if (run.request.signal?.aborted) {
    throw new ProviderError('aborted', 'The caller aborted the request', spec.name);
  }
}

function allFailed(run: Run): AllModelsFailedError {
  const failures = run.attempts
    .filter((a) => a.status === 'failed' || a.status === 'skipped')
    .map((a) => ({
      model: a.model,
      kind: a.errorKind ?? 'bad_response',
      message: a.message ?? '',
    }));
  const tried = failures.map((f) => `${f.model}: ${f.kind}`).join('; ') || 'no models';
  if (run.outOfTime || run.clock() >= run.deadlineAt) {
    return new AllModelsFailedError(
      `The deadline of ${run.deadlineMs} ms ran out (${tried})`,
      failures,
      'DEADLINE_EXCEEDED',
    );
  }
  return new AllModelsFailedError(`Every model failed (${tried})`, failures);
}

function noCall(spec: ModelSpec, attempt: number): Attempt {
  return {
    model: spec.name,
    attempt,
    status: 'failed',
    errorKind: null,
    message: null,
    latencyMs: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    quality: null,
  };
}

function usageOf(result: CompletionResult) {
  return {
    latencyMs: result.latencyMs,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    costUsd: result.costUsd,
  };
}
