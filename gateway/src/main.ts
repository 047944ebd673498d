import { createEventBus, createLogger, runMain, verifyingSecret } from '@daena/platform';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

// Distributed mode: one gateway replica; any number may run, all listening to Redis.
await runMain(async () => {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  const bus = createEventBus(config.REDIS_URL, log);
  const gateway = await startGateway({
    config,
    log,
    bus,
    // In production with JWKS_URL and no JWT_SECRET: JWKS tokens only.
    jwtSecret: verifyingSecret(config),
  });
  return {
    close: async () => {
      await gateway.close();
      await bus.close();
    },
  };
});
