import cluster from 'node:cluster';
import { createEventBus, createLogger, runMain, verifyingSecret } from '@daena/platform';
import { clusterMetrics, startGatewayCluster } from './cluster/gateway-cluster.js';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

// Distributed mode: one gateway replica; any number may run, all listening to Redis. With
// GATEWAY_WORKERS > 1 this process is a cluster primary and its workers are the gateways.
await runMain(async () => {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  if (config.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
    return startGatewayCluster(config.GATEWAY_WORKERS, log);
  }
  const bus = createEventBus(config.REDIS_URL, log);
  const gateway = await startGateway({
    config,
    log,
    bus,
    // In production with JWKS_URL and no JWT_SECRET: JWKS tokens only.
    jwtSecret: verifyingSecret(config),
    clusterMetrics: cluster.isWorker ? clusterMetrics() : undefined,
  });
  return {
    close: async () => {
      await gateway.close();
      await bus.close();
    },
  };
});
