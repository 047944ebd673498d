export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  readonly baseMs: number;
  /** No computed delay exceeds this (a provider's retry-after may). */
  readonly capMs: number;
}

/** Short enough to retry within a request's budget, long enough to let a blip pass. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 100, capMs: 2_000 };

/**
 * Delay before retry number `retry` (1 for the first retry): "full jitter",
 * `random(0, min(cap, base · 2^(retry-1)))` (AWS Architecture Blog, "Exponential Backoff and
 * Jitter", 2015), but never less than the provider's `retryAfterMs`.
 */
export function backoffDelayMs(
  retry: number,
  rng: () => number,
  retryAfterMs: number | null = null,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(rng() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
