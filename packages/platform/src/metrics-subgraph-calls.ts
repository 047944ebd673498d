import { Counter, Histogram, type Registry } from 'prom-client';
import { boundedLabel } from './metrics-labels.js';
import { requestDurationBuckets } from './metrics.js';

/** The outcome of one call from the gateway to a subgraph. */
export interface SubgraphCall {
  subgraph: string;
  /** The client's operation the call serves ("anonymous" when unnamed). */
  operation: string;
  /** "ok", "error" (GraphQL errors in the body) or "failure" (no usable response). */
  outcome: 'ok' | 'error' | 'failure';
  seconds: number;
}

/**
 * RED metrics per subgraph call (`graphql_subgraph_calls_total`,
 * `graphql_subgraph_call_duration_seconds`) by subgraph and client operation, for the gateway's
 * fetcher to report each call to. Operation names come from clients: past the first
 * `maxOperationNames` they count as "other", as in `graphqlMetricsPlugin`.
 */
export function subgraphCallMetrics(
  registry: Registry,
  maxOperationNames = 200,
): (call: SubgraphCall) => void {
  const calls = new Counter({
    name: 'graphql_subgraph_calls_total',
    help: 'Calls from the gateway to subgraphs, by subgraph, client operation and outcome',
    labelNames: ['subgraph', 'operation_name', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_subgraph_call_duration_seconds',
    help: 'Duration of calls from the gateway to subgraphs, by subgraph and client operation',
    labelNames: ['subgraph', 'operation_name'] as const,
    buckets: [...requestDurationBuckets],
    registers: [registry],
  });
  const operationName = boundedLabel(maxOperationNames);
  return (call) => {
    const labels = { subgraph: call.subgraph, operation_name: operationName(call.operation) };
    calls.inc({ ...labels, outcome: call.outcome });
    duration.observe(labels, call.seconds);
  };
}
