import {
  createEventBus,
  createLogger,
  resolveJwtSecret,
  runMain,
  startService,
} from '@daena/platform';
import { loadAgentsConfig } from './config.js';
import { createAgentsService } from './service.js';

// Distributed mode: this service as its own process against external Postgres and Redis.
await runMain(async () => {
  const config = loadAgentsConfig();
  const log = createLogger('agents', config.LOG_LEVEL);
  const bus = createEventBus(config.REDIS_URL, log);
  const service = await startService(
    createAgentsService({ config, log, bus, jwtSecret: resolveJwtSecret(config).secret }),
  );
  return {
    close: async () => {
      await service.close();
      await bus.close();
    },
  };
});
