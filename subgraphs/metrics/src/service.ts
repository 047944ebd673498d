import {
  eventBusStore,
  buildFederatedSchema,
  createPostgresStore,
  graphqlOptions,
  serviceTokenVerifier,
  tokenVerifierFromConfig,
  type EventBus,
  type Logger,
  type ServiceDefinition,
  type StoreConnector,
} from '@daena/platform';
import { AuditLogResolver } from './audit/schema/audit-log-resolver.js';
import type { MetricsConfig } from './config.js';
import { SampleRecorder } from './events/sample-recorder.js';
import { createMetricsContext, type MetricsContext } from './schema/context.js';
import { callerFromHeader } from './schema/metrics-caller.js';
import {
  MetricSampleResolver,
  resolveMetricSampleReference,
} from './schema/metric-sample-resolver.js';
import { entities } from './store/entities.js';
import { MetricSampleRepository } from './store/metric-sample-repository.js';
import { migrations } from './store/migrations/index.js';

export interface MetricsDependencies {
  config: MetricsConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
}

/** The schema alone, for composition and tests that need no store. */
export function buildMetricsSchema() {
  return buildFederatedSchema(
    { resolvers: [MetricSampleResolver, AuditLogResolver] },
    { MetricSample: { __resolveReference: resolveMetricSampleReference } },
  );
}

/**
 * The metrics subgraph: samples recorded from domain events into Postgres. The event consumer
 * lives inside the Postgres connector, so it subscribes only once the store is connected and
 * migrated, and `startService(...).close()` unsubscribes and drains it before the store closes.
 */
export function createMetricsService(deps: MetricsDependencies): ServiceDefinition<MetricsContext> {
  const { config, log, bus } = deps;
  // Verifies tokens again (ARCHITECTURE §6), HS256 and JWKS_URL's keys as the gateway does.
  const verifiers = {
    users: tokenVerifierFromConfig(config, deps.jwtSecret, log),
    // The gateway's audit batches (recordAuditEntries) come with a service token.
    services: serviceTokenVerifier(deps.jwtSecret, { issuer: config.JWT_ISSUER }),
  };
  const postgres = createPostgresStore({
    schema: 'metrics',
    url: config.DATABASE_URL,
    entities,
    migrations,
    log,
  });
  const recorder = new SampleRecorder(
    (samples) => new MetricSampleRepository(postgres.fork()).record(samples),
    log.child({ component: 'sample-recorder' }),
  );
  const store: StoreConnector = {
    name: postgres.name,
    registerMetrics: (registry) => postgres.registerMetrics?.(registry),
    async connect() {
      await postgres.connect();
      recorder.start(bus);
    },
    check: () => postgres.check(),
    async close() {
      await recorder.stop();
      await postgres.close();
    },
  };
  return {
    name: 'metrics',
    port: config.PORT,
    ...graphqlOptions(config),
    host: config.HOST,
    log,
    stores: [store, eventBusStore(bus)],
    createSchema: buildMetricsSchema,
    context: async (req) =>
      createMetricsContext(
        await callerFromHeader(verifiers, req.headers.authorization),
        postgres.fork(),
      ),
  };
}
