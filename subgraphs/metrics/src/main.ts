import { runServiceMain } from '@daena/platform';
import { loadMetricsConfig } from './config.js';
import { createMetricsService } from './service.js';

// Distributed mode: this service as its own process against external stores and Redis.
await runServiceMain('metrics', () => loadMetricsConfig(), createMetricsService);
