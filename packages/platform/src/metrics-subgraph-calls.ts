import { Counter, Histogram, type Registry } from 'prom-client';
import { requestDurationBuckets } from './metrics.js';

/** The outcome of one call from the gateway to a subgraph. */
export interface SubgraphCall {
  subgraph: string;
  /** "ok", "error" (GraphQL errors in the body) or "failure" (no usable response). */
  outcome: 'ok' | 'error' | 'failure';
  seconds: number;
}

/**
 * RED metrics per subgraph call (`graphql_subgraph_calls_total`,
 * `graphql_subgraph_call_duration_seconds`), for the gateway's fetcher to report each call to.
 */
export function subgraphCallMetrics(registry: Registry): (call: SubgraphCall) => void {
  const calls = new Counter({
    name: 'graphql_subgraph_calls_total',
    help: 'Calls from the gateway to subgraphs, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_subgraph_call_duration_seconds',
    help: 'Duration of calls from the gateway to subgraphs',
    labelNames: ['subgraph'] as const,
    buckets: [...requestDurationBuckets],
    registers: [registry],
  });
  return (call) => {
    calls.inc({ subgraph: call.subgraph, outcome: call.outcome });
    duration.observe({ subgraph: call.subgraph }, call.seconds);
  };
}
