import { readFileSync } from 'node:fs';
import {
  bridgedPubSub,
  callerFromHeader,
  callerVerifiersFromConfig,
  eventBusStore,
  buildFederatedSchema,
  createPostgresStore,
  graphqlOptions,
  jobQueueStore,
  type EventBus,
  type JobQueue,
  type Logger,
  type ServiceDefinition,
  type StoreConnector,
} from '@daena/platform';
import { AlertEvaluator } from './alerts/operations/alert-evaluator.js';
import { parseRecordingRules, parseRuleFile } from './alerts/domain/alert-rules.js';
import { ruleFiles } from './alerts/rule-files.js';
import { AlertUpdatesSubscriptionResolver } from './alerts/schema/alert-updates-subscription.js';
import { AlertsResolver, resolveAlertReference } from './alerts/schema/alerts-resolver.js';
import { AuditLogResolver } from './audit/schema/audit-log-resolver.js';
import type { MetricsConfig } from './config.js';
import { DomainCounters } from './events/domain-counters.js';
import { kpiDefinitions } from './kpis/domain/kpi.js';
import { parseForecastTargets } from './forecasts/domain/forecast-targets.js';
import { ForecastMonitor } from './forecasts/operations/forecast-monitor.js';
import { ForecastResolver } from './forecasts/schema/forecast-resolver.js';
import { KpiResolver } from './kpis/schema/kpi-resolver.js';
import { SampleRecorder } from './events/sample-recorder.js';
import { createMetricsContext, type MetricsContext } from './schema/context.js';
import {
  MetricSampleResolver,
  resolveMetricSampleReference,
} from './schema/metric-sample-resolver.js';
import { MonitoringLoop } from './series/operations/monitoring-loop.js';
import { SeriesResolver } from './series/schema/series-resolver.js';
import { monitorTick } from './series/operations/monitor-tick.js';
import {
  maintainPartitions,
  schedulePartitionMaintenance,
} from './series/operations/partition-maintenance.js';
import { MetricSampleRepository } from './store/metric-sample-repository.js';
import { migrations } from './store/migrations/index.js';

export interface MetricsDependencies {
  config: MetricsConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
  /** The durable queue the daily partition maintenance runs on; without it, it runs at start. */
  jobs?: JobQueue;
}

/** The schema alone, for composition and tests that need no store. */
export function buildMetricsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        MetricSampleResolver,
        AuditLogResolver,
        AlertsResolver,
        AlertUpdatesSubscriptionResolver,
        KpiResolver,
        SeriesResolver,
        ForecastResolver,
      ],
      // alertUpdates is served by the gateway's bridge, never by this subgraph.
      pubSub: bridgedPubSub,
    },
    {
      MetricSample: { __resolveReference: resolveMetricSampleReference },
      Alert: { __resolveReference: resolveAlertReference },
    },
  );
}

/**
 * The metrics subgraph: samples recorded from domain events into Postgres, and the embedded
 * monitoring (scrape, day-partitioned series, the alert rules). The event consumer and the
 * monitoring loop live inside the Postgres connector, so they start only once the store is
 * connected and migrated, and `startService(...).close()` stops them before the store closes.
 */
export function createMetricsService(deps: MetricsDependencies): ServiceDefinition<MetricsContext> {
  const { config, log, bus } = deps;
  // Verifies users' tokens again (ARCHITECTURE §6), and service tokens: the gateway's audit
  // batches (recordAuditEntries) come with one.
  const verifiers = callerVerifiersFromConfig(config, deps.jwtSecret, log);
  const postgres = createPostgresStore({
    schema: 'metrics',
    url: config.DATABASE_URL,
    migrations,
    log,
  });
  const fork = () => postgres.fork();
  const counters = new DomainCounters();
  const recorder = new SampleRecorder(
    (samples) => new MetricSampleRepository(fork()).record(samples),
    log.child({ component: 'sample-recorder' }),
    (samples) => counters.observe(samples),
  );
  // One definition of the rules: the file Prometheus loads. A malformed one stops the start.
  const rules = parseRuleFile(readFileSync(config.ALERT_RULES_FILE ?? ruleFiles.rules, 'utf8'));
  const kpis = kpiDefinitions(parseRecordingRules(readFileSync(ruleFiles.kpis, 'utf8')));
  const monitorLog = log.child({ component: 'monitoring' });
  const evaluator = new AlertEvaluator(rules, fork, bus, monitorLog);
  const forecasts = new ForecastMonitor(
    parseForecastTargets(readFileSync(ruleFiles.forecasts, 'utf8')),
    fork,
    monitorLog,
  );
  const scrape = {
    targets: config.METRICS_SCRAPE_TARGETS,
    timeoutMs: config.METRICS_SCRAPE_TIMEOUT_SECONDS * 1_000,
    log: monitorLog,
  };
  const loop = new MonitoringLoop(
    monitorTick(scrape, fork, evaluator, forecasts),
    config.METRICS_SCRAPE_INTERVAL_SECONDS * 1_000,
    monitorLog,
  );
  const retention = {
    aheadDays: config.METRICS_PARTITIONS_AHEAD_DAYS,
    retentionDays: config.METRICS_RETENTION_DAYS,
  };
  const store: StoreConnector = {
    name: postgres.name,
    registerMetrics(registry) {
      postgres.registerMetrics?.(registry);
      counters.register(registry);
      forecasts.registerMetrics(registry);
    },
    async connect() {
      await postgres.connect();
      await maintainPartitions(fork(), retention, new Date());
      if (deps.jobs) await schedulePartitionMaintenance(deps.jobs, fork, retention, monitorLog);
      recorder.start(bus);
      loop.start();
    },
    check: () => postgres.check(),
    async close() {
      await loop.stop();
      await recorder.stop();
      await postgres.close();
    },
  };
  const jobStores: StoreConnector[] = deps.jobs ? [jobQueueStore(deps.jobs)] : [];
  return {
    name: 'metrics',
    port: config.PORT,
    ...graphqlOptions(config),
    host: config.HOST,
    log,
    // Closed newest first: the monitoring loop and consumer stop before the bus they publish on.
    stores: [eventBusStore(bus), ...jobStores, store],
    createSchema: buildMetricsSchema,
    context: async (req) =>
      createMetricsContext(
        await callerFromHeader(verifiers, req.headers.authorization),
        postgres.fork(),
        kpis,
      ),
  };
}
