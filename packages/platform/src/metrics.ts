import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { registerHeapLimit } from './metrics-process.js';
import { boundedLabel } from './metrics-labels.js';

/**
 * Request duration buckets (seconds). They reach past 5 s because the critical rule "response
 * time > 5 s" (observability/prometheus/rules) needs a bucket above it, or histogram_quantile
 * could never report more than the highest finite bound.
 */
export const requestDurationBuckets = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
] as const;

/** A Prometheus registry per service, with process metrics and GraphQL request metrics. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  registerHeapLimit(registry);
  return registry;
}

/**
 * RED metrics per GraphQL operation: rate and errors (`graphql_requests_total`) and duration
 * (`graphql_request_duration_seconds`), by operation type and name. Operation names are chosen by
 * clients, so only the first `maxOperationNames` distinct names get their own series; later ones
 * are counted as "other" (unbounded label values would grow Prometheus without limit).
 */
export function graphqlMetricsPlugin<T extends BaseContext>(
  registry: Registry,
  maxOperationNames = 200,
): ApolloServerPlugin<T> {
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations handled',
    labelNames: ['operation_type', 'operation_name', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation duration',
    labelNames: ['operation_type', 'operation_name'] as const,
    buckets: [...requestDurationBuckets],
    registers: [registry],
  });
  const operationName = boundedLabel(maxOperationNames);
  return {
    async requestDidStart() {
      const end = duration.startTimer();
      return {
        async willSendResponse(ctx) {
          const type = ctx.operation?.operation ?? 'unknown';
          const name = operationName(ctx.operationName ?? 'anonymous');
          end({ operation_type: type, operation_name: name });
          requests.inc({
            operation_type: type,
            operation_name: name,
            outcome: ctx.errors?.length ? 'error' : 'ok',
          });
        },
      };
    },
  };
}
