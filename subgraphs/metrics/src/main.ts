import {
  createEventBus,
  createLogger,
  resolveJwtSecret,
  runMain,
  startService,
} from '@daena/platform';
import { loadMetricsConfig } from './config.js';
import { createMetricsService } from './service.js';

// Distributed mode: this service as its own process against external Postgres and Redis.
await runMain(async () => {
  const config = loadMetricsConfig();
  const log = createLogger('metrics', config.LOG_LEVEL);
  const bus = createEventBus(config.REDIS_URL, log);
  const service = await startService(
    createMetricsService({ config, log, bus, jwtSecret: resolveJwtSecret(config).secret }),
  );
  return {
    close: async () => {
      await service.close();
      await bus.close();
    },
  };
});
