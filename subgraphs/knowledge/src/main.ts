import {
  createEventBus,
  createLogger,
  resolveJwtSecret,
  runMain,
  startService,
} from '@daena/platform';
import { loadKnowledgeConfig } from './config.js';
import { createKnowledgeService } from './service.js';

// Distributed mode: this service as its own process against external Neo4j and Redis.
await runMain(async () => {
  const config = loadKnowledgeConfig();
  const log = createLogger('knowledge', config.LOG_LEVEL);
  const bus = createEventBus(config.REDIS_URL, log);
  const service = await startService(
    createKnowledgeService({ config, log, bus, jwtSecret: resolveJwtSecret(config).secret }),
  );
  return {
    close: async () => {
      await service.close();
      await bus.close();
    },
  };
});
