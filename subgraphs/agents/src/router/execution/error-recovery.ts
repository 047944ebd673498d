import type { ProviderErrorKind } from '../domain/contracts.js';

/**
 * What the executor does after a failed attempt:
 * - `retry`: the same model again, after a backoff, while attempts and the deadline allow;
 *   then fall back. Transient trouble on the provider's side.
 * - `fallback`: the next model at once. Retrying the same model would fail the same way, but
 *   another model may well succeed (a larger context, another filter, another provider).
 * - `stop`: give up on every model. Only the caller's own abort: nobody wants the answer.
 *
 * A 400 (`bad_request`) falls back rather than stops: endpoints differ in the parameters they
 * accept (response formats, token fields), so one endpoint's 400 is often another's 200.
 */
export const RECOVERY: Readonly<Record<ProviderErrorKind, 'retry' | 'fallback' | 'stop'>> = {
  rate_limited: 'retry', // only when the provider's retry-after is short, see `MAX_RETRY_AFTER_MS`
  server_error: 'retry',
  timeout: 'retry',
  network: 'retry',
  context_length: 'fallback',
  content_filter: 'fallback',
  bad_response: 'fallback',
  auth: 'fallback',
  bad_request: 'fallback',
  circuit_open: 'fallback',
  aborted: 'stop',
};

/** A 429 asking for a longer wait than this falls back instead: another model answers sooner. */
export const MAX_RETRY_AFTER_MS = 2_000;

/**
 * Whether a failure of this kind is the provider's fault, and so counts towards opening its
 * circuit. A prompt too long for the model, a filtered prompt, a malformed request or the
 * caller's abort say nothing about the provider's health.
 */
export const COUNTS_AGAINST_CIRCUIT: Readonly<Record<ProviderErrorKind, boolean>> = {
  rate_limited: true,
  server_error: true,
  timeout: true,
  network: true,
  bad_response: true,
  auth: true,
  context_length: false,
  content_filter: false,
  bad_request: false,
  circuit_open: false,
  aborted: false,
};

/** Whether to try the same model again after this failure (attempt limits aside). */
export function shouldRetrySameModel(
  kind: ProviderErrorKind,
  retryAfterMs: number | null,
): boolean {
  if (RECOVERY[kind] !== 'retry') return false;
  if (kind === 'rate_limited') return retryAfterMs !== null && retryAfterMs <= MAX_RETRY_AFTER_MS;
  return true;
}
