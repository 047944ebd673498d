import { PgBossJobQueue, runServiceMain } from '@daena/platform';
import { loadAgentsConfig } from './config.js';
import { createAgentsService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis; its
// agents answer vote requests from the job queue on the same Postgres.
await runServiceMain(
  'agents',
  () => loadAgentsConfig(),
  (deps) =>
    createAgentsService({
      ...deps,
      jobs: new PgBossJobQueue({ url: deps.config.DATABASE_URL, log: deps.log }),
    }),
);
