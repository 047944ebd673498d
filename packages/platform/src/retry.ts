export interface BackoffOptions {
  /** First delay in ms. */
  initialMs?: number;
  /** Upper bound of one delay in ms. */
  maxMs?: number;
  /** Give up after this many ms in total; Infinity retries until `signal` aborts. */
  deadlineMs?: number;
  signal?: AbortSignal;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Retries `attempt` with exponential backoff and full jitter (AWS Architecture Blog,
 * "Exponential Backoff And Jitter", 2015) until it succeeds, the deadline passes or the signal aborts.
 */
export async function retryWithBackoff<T>(
  attempt: () => Promise<T>,
  options: BackoffOptions = {},
): Promise<T> {
  const { initialMs = 200, maxMs = 5_000, deadlineMs = Infinity, signal, onRetry } = options;
  const started = Date.now();
  for (let tries = 1; ; tries++) {
    signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      const ceiling = Math.min(maxMs, initialMs * 2 ** (tries - 1));
      const delay = Math.round(Math.random() * ceiling);
      if (Date.now() - started + delay > deadlineMs) throw error;
      onRetry?.(error, tries, delay);
      await abortableDelay(delay, signal);
    }
  }
}

function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
