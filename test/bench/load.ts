import autocannon from 'autocannon';

/**
 * A closed-loop load generator on autocannon: `connections` keep-alive clients each send the next
 * request when the last returns. autocannon's HTTP client costs far less CPU than `fetch`, which
 * matters when the client and the servers share two cores. A response counts as an error when its
 * status is not 2xx or its body carries GraphQL `errors`.
 */
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
  const run = (ms: number, latencies: number[] | null) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          connections: options.concurrency,
          // Large uncached pages take seconds under load: measure them rather than time them out.
          timeout: 60,
          duration: ms / 1000,
          verifyBody: (text) => typeof text === 'string' && !text.includes('"errors"'),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (latencies) {
        instance.on('response', (_client, _status, _bytes, responseTime: number) => {
          latencies.push(responseTime);
        });
      }
    });
  await run(options.warmupMs ?? 2_000, null);
  const latencies: number[] = [];
  const result = await run(options.durationMs, latencies);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const errors = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
  return {
    requests: result.requests.total,
    errors,
    rps: round(result.requests.total / (options.durationMs / 1000)),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
