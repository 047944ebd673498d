import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
} from 'openai/core/error';
import type { ProviderErrorKind } from '../domain/contracts.js';
import { ProviderError } from '../domain/errors.js';
import { parseRetryAfterMs } from './retry-after.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * Maps anything a provider call throws (the `openai` client's APIError family, fetch and
 * JSON errors, aborts) to a `ProviderError` whose kind decides retry or fallback
 * (see `error-recovery.ts`). Messages are stripped of `secrets` and of anything key-shaped.
 */
export function classifyProviderError(
  error: unknown,
  model: string,
  secrets: readonly (string | null)[] = [],
  nowMs: number = Date.now(),
): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
  // Order matters: the abort and connection errors are APIErrors with no status.
  if (error instanceof APIUserAbortError) return new ProviderError('aborted', message, model);
  if (error instanceof APIConnectionTimeoutError)
    return new ProviderError('timeout', message, model);
  if (error instanceof APIConnectionError) return new ProviderError('network', message, model);
  if (error instanceof APIError && typeof error.status === 'number') {
    const kind = kindOfStatus(error.status, error.code ?? null, message);
    const retryAfter = parseRetryAfterMs(error.headers, nowMs);
    return new ProviderError(kind, message, model, error.status, retryAfter);
  }
  if (error instanceof ContentFilterFinishReasonError) {
    return new ProviderError('content_filter', message, model);
  }
  return new ProviderError(kindOfPlainError(error), message, model);
}

const CONTEXT_LENGTH_CODES = new Set(['context_length_exceeded', 'string_above_max_length']);
const CONTENT_FILTER_CODES = new Set(['content_filter', 'content_policy_violation']);
// Ollama, vLLM and LM Studio do not always send a code; their messages say it.
const CONTEXT_LENGTH_TEXT = /context length|context window|maximum context|too many tokens/i;

function kindOfStatus(status: number, code: string | null, message: string): ProviderErrorKind {
  if (code && CONTEXT_LENGTH_CODES.has(code)) return 'context_length';
  if (code && CONTENT_FILTER_CODES.has(code)) return 'content_filter';
  // A spent quota is a billing problem that waiting does not fix.
  if (code === 'insufficient_quota') return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 413) return 'context_length';
  // 409 is a transient conflict that OpenAI documents as retryable.
  if (status === 409 || status >= 500) return 'server_error';
  if (status === 400 && CONTEXT_LENGTH_TEXT.test(message)) return 'context_length';
  return 'bad_request';
}

function kindOfPlainError(error: unknown): ProviderErrorKind {
  if (error instanceof Error) {
    if (error.name === 'AbortError') return 'aborted';
    if (error.name === 'TimeoutError') return 'timeout';
    // undici: `TypeError: fetch failed` with the socket error as its cause, or `terminated`
    // when the connection drops while the body (a stream) is being read.
    if (
      error instanceof TypeError &&
      /fetch failed|terminated|network|socket/i.test(error.message)
    ) {
      return 'network';
    }
  }
  // SyntaxError from a JSON body that is not JSON, shape errors, anything unexpected: the
  // provider's answer is unusable, so the next model should be tried.
  return 'bad_response';
}
