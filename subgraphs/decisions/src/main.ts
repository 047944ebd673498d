import {
  createEventBus,
  createLogger,
  resolveJwtSecret,
  runMain,
  startService,
} from '@daena/platform';
import { loadDecisionsConfig } from './config.js';
import { createDecisionsService } from './service.js';

// Distributed mode: this service as its own process against external Postgres and Redis.
await runMain(async () => {
  const config = loadDecisionsConfig();
  const log = createLogger('decisions', config.LOG_LEVEL);
  const bus = createEventBus(config.REDIS_URL, log);
  const service = await startService(
    createDecisionsService({ config, log, bus, jwtSecret: resolveJwtSecret(config).secret }),
  );
  return {
    close: async () => {
      await service.close();
      await bus.close();
    },
  };
});
