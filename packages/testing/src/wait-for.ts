/** Retries `check` until it stops throwing or the deadline passes (no fixed sleeps). */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
