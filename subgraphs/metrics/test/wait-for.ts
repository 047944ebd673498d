import { setTimeout as delay } from 'node:timers/promises';

/** How long to wait between attempts: short, since each attempt is one cheap query. */
const retryDelayMs = 20;

/**
 * Retries `attempt` until it resolves (its assertions pass) or `timeoutMs` runs out, then fails
 * with the last attempt's error. For effects that land asynchronously, such as events consumed
 * from a bus: the test waits for the outcome it expects, never for a fixed time.
 */
export async function waitFor<T>(attempt: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await delay(retryDelayMs);
  }
}
