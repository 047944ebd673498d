import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A Prometheus registry per service, with process metrics and GraphQL request metrics. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Counts and times every GraphQL operation by type, name and outcome. */
export function graphqlMetricsPlugin<T extends BaseContext>(
  registry: Registry,
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
    labelNames: ['operation_type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const end = duration.startTimer();
      return {
        async willSendResponse(ctx) {
          const type = ctx.operation?.operation ?? 'unknown';
          end({ operation_type: type });
          requests.inc({
            operation_type: type,
            operation_name: ctx.operationName ?? 'anonymous',
            outcome: ctx.errors?.length ? 'error' : 'ok',
          });
        },
      };
    },
  };
}
