import type {
  CompletionRequest,
  CompletionResult,
  ModelSpec,
  Provider,
} from '../domain/contracts.js';
import { ProviderError } from '../domain/errors.js';
import { classifyProviderError } from './classify-provider-error.js';

export type AttemptResult =
  | { readonly ok: true; readonly result: CompletionResult; readonly latencyMs: number }
  | { readonly ok: false; readonly error: ProviderError; readonly latencyMs: number };

/**
 * One call to one model, bounded by `budgetMs` whatever the provider does: the provider gets a
 * signal that aborts at the budget or with the caller's signal, and the call is raced against
 * that signal, so a provider that ignores it cannot hold the request either. The budget's own
 * expiry is reported as `timeout`, the caller's abort as `aborted`, anything else as classified.
 */
export async function runAttempt(
  provider: Provider,
  spec: ModelSpec,
  request: CompletionRequest,
  budgetMs: number,
  clock: () => number,
): Promise<AttemptResult> {
  const started = clock();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, budgetMs);
  const callerSignal = request.signal;
  const onCallerAbort = (): void => controller.abort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let stopWaiting = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = (): void => reject(new ProviderError('aborted', 'Aborted', spec.name));
    controller.signal.addEventListener('abort', onAbort, { once: true });
    stopWaiting = () => controller.signal.removeEventListener('abort', onAbort);
  });
  aborted.catch(() => {}); // rejected only while raced; never unhandled
  try {
    const call = provider.complete(spec, { ...request, signal: controller.signal });
    call.catch(() => {}); // the race may have moved on; a late failure is expected
    const result = await Promise.race([call, aborted]);
    return { ok: true, result, latencyMs: clock() - started };
  } catch (error) {
    const latencyMs = clock() - started;
    if (callerSignal?.aborted) {
      return {
        ok: false,
        error: new ProviderError('aborted', 'The caller aborted the request', spec.name),
        latencyMs,
      };
    }
    if (timedOut) {
      const message = `No answer within ${budgetMs} ms`;
      return { ok: false, error: new ProviderError('timeout', message, spec.name), latencyMs };
    }
    return {
      ok: false,
      error: classifyProviderError(error, spec.name, [spec.apiKey], clock()),
      latencyMs,
    };
  } finally {
    clearTimeout(timer);
    stopWaiting();
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
