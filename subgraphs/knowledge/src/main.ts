import { runServiceMain } from '@daena/platform';
import { loadKnowledgeConfig } from './config.js';
import { createKnowledgeService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis.
await runServiceMain('knowledge', () => loadKnowledgeConfig(), createKnowledgeService);
