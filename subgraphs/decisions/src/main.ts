import { PgBossJobQueue, runServiceMain } from '@daena/platform';
import { loadDecisionsConfig } from './config.js';
import { createDecisionsService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis, with the
// durable job queue on the same Postgres (vote requests out, round deadlines in).
await runServiceMain(
  'decisions',
  () => loadDecisionsConfig(),
  (deps) =>
    createDecisionsService({
      ...deps,
      jobs: new PgBossJobQueue({ url: deps.config.DATABASE_URL, log: deps.log }),
    }),
);
