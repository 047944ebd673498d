import { runServiceMain } from '@daena/platform';
import { loadAgentsConfig } from './config.js';
import { createAgentsService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis.
await runServiceMain('agents', () => loadAgentsConfig(), createAgentsService);
