/** A closed-loop load generator: `concurrency` clients each send the next request when the last returns. */
export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function runLoad(
  url: string,
  body: string,
  options: { concurrency: number; durationMs: number; warmupMs?: number },
): Promise<LoadResult> {
  const send = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(text.slice(0, 300));
  };
  const phase = async (ms: number, latencies: number[] | null) => {
    let errors = 0;
    const deadline = performance.now() + ms;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < deadline) {
          const started = performance.now();
          try {
            await send();
            latencies?.push(performance.now() - started);
          } catch (error) {
            errors++;
            if (errors === 1) process.stderr.write(`first error: ${String(error)}\n`);
          }
        }
      }),
    );
    return errors;
  };
  await phase(options.warmupMs ?? 2_000, null);
  const latencies: number[] = [];
  const started = performance.now();
  const errors = await phase(options.durationMs, latencies);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    errors,
    rps: round(latencies.length / elapsed),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
