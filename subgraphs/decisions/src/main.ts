import { runServiceMain } from '@daena/platform';
import { loadDecisionsConfig } from './config.js';
import { createDecisionsService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis.
await runServiceMain('decisions', () => loadDecisionsConfig(), createDecisionsService);
