import { PgBossJobQueue, runServiceMain } from '@daena/platform';
import { loadMetricsConfig } from './config.js';
import { createMetricsService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis, with the
// durable job queue (the daily partition maintenance) on the same Postgres.
await runServiceMain(
  'metrics',
  () => loadMetricsConfig(),
  (deps) =>
    createMetricsService({
      ...deps,
      jobs: new PgBossJobQueue({ url: deps.config.DATABASE_URL, log: deps.log }),
    }),
);
