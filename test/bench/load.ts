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

/** One kind of request in a mixed workload (issue 14: reads and writes on the same clients). */
export interface LoadRequest {
  /** What the results are reported under: `read`, `write` … */
  kind: string;
  /** The JSON body; a function builds a new one for each request (a write that must change). */
  body: string | (() => string);
  headers?: Record<string, string>;
  /** How many of each cycle of a client's requests are of this kind (default 1). */
  weight?: number;
}

export interface MixedLoadResult {
  requests: number;
  /** Connection errors and timeouts (not attributable to a kind). */
  transportErrors: number;
  rps: number;
  byKind: Record<string, LoadResult>;
  /** The first few distinct error answers (status and the start of the body), to say what failed. */
  errorSamples: string[];
}

/**
 * Closed-loop load with several kinds of request on the same clients: the kinds are dealt out in a
 * fixed cycle over all clients' requests together (9 reads then 1 write for weights 9 and 1), so
 * the mix holds by request count whatever each kind's latency, and no client's writes fall in step
 * with another's. Latency, throughput and errors (status not 2xx, or GraphQL `errors`) are
 * reported per kind. `around` runs just before and after the measured run (not the warm-up), e.g.
 * to read the servers' CPU counters or a clock.
 */
export async function runMixedLoad(
  url: string,
  requests: LoadRequest[],
  options: {
    concurrency: number;
    durationMs: number;
    warmupMs?: number;
    around?: { before(): Promise<void>; after(): Promise<void> };
  },
): Promise<MixedLoadResult> {
  const cycle = requests.flatMap((request) =>
    Array.from({ length: request.weight ?? 1 }, () => request),
  );
  let dealt = 0;
  // autocannon hands each client's request a context of its own, kept until its response.
  type Context = { kind?: string };
  const errorSamples = new Set<string>();
  const run = (ms: number, latencies: Map<string, number[]>, errors: Map<string, number>) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections: options.concurrency,
          timeout: 60,
          duration: ms / 1000,
          requests: [
            {
              method: 'POST',
              setupRequest: (req, context) => {
                const request = cycle[dealt++ % cycle.length] as LoadRequest;
                (context as Context).kind = request.kind;
                const { body } = request;
                return {
                  ...req,
                  headers: {
                    ...req.headers,
                    'content-type': 'application/json',
                    ...request.headers,
                  },
                  body: typeof body === 'string' ? body : body(),
                };
              },
              onResponse: (status, body, context) => {
                const kind = (context as Context).kind ?? 'unknown';
                if (status >= 200 && status <= 299 && !body.includes('"errors"')) return;
                errors.set(kind, (errors.get(kind) ?? 0) + 1);
                if (errorSamples.size < 3)
                  errorSamples.add(`${kind} ${status}: ${body.slice(0, 300)}`);
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (client, _status, _bytes, responseTime: number) => {
        // The context is still the answered request's: autocannon builds the next one after this.
        const context = (client as unknown as { requestIterator: { context: Context } })
          .requestIterator.context;
        const kind = context.kind ?? 'unknown';
        let list = latencies.get(kind);
        if (!list) latencies.set(kind, (list = []));
        list.push(responseTime);
      });
    });
  await run(options.warmupMs ?? 2_000, new Map(), new Map());
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  await options.around?.before();
  const result = await run(options.durationMs, latencies, errors);
  await options.around?.after();
  const seconds = options.durationMs / 1000;
  const byKind: Record<string, LoadResult> = {};
  for (const { kind } of requests) {
    const sorted = (latencies.get(kind) ?? []).sort((a, b) => a - b);
    const at = (q: number) =>
      round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    byKind[kind] = {
      requests: sorted.length,
      errors: errors.get(kind) ?? 0,
      rps: round(sorted.length / seconds),
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
    };
  }
  return {
    requests: result.requests.total,
    transportErrors: result.errors + result.timeouts,
    rps: round(result.requests.total / seconds),
    byKind,
    errorSamples: [...errorSamples],
  };
}
