import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { loadGatewayConfig, startGateway } from '@daena/gateway';
import { createKnowledgeService, loadKnowledgeConfig } from '@daena/knowledge';
import { createMetricsService, loadMetricsConfig } from '@daena/metrics';
import {
  createEventBus,
  createLogger,
  PgBossJobQueue,
  resolveJwtSecret,
  startService,
  type RunningService,
  type ServiceDefinition,
} from '@daena/platform';
import { servicePorts, type StackConfig } from './config.js';
import type { Reporter } from './progress.js';
import { stackChildEnv, startStores, stopAll } from './stores.js';

export interface RunningStack {
  gatewayUrl: string;
  close(): Promise<void>;
}

/**
 * Embedded mode: every service in this process, an in-process bus (Redis when REDIS_URL is set),
 * embedded PostgreSQL when DATABASE_URL is unset.
 */
export async function startEmbeddedStack(
  config: StackConfig,
  env: Record<string, string | undefined>,
  report: Reporter,
): Promise<RunningStack> {
  const ports = servicePorts(config.PORT);
  const log = createLogger('stack', config.LOG_LEVEL);
  const jwtSecret = resolveJwtSecret({ JWT_SECRET: env['JWT_SECRET'], NODE_ENV: config.NODE_ENV });
  const stoppers: (() => Promise<void>)[] = [];
  const close = stopAll(stoppers);
  try {
    const stores = await startStores(config, report, stoppers);
    const bus = createEventBus(config.REDIS_URL, log);
    stoppers.push(() => bus.close());
    const serviceEnv = (port: number) => ({
      ...stackChildEnv(env, config, ports, stores),
      PORT: String(port),
    });

    const common = (service: string) => ({
      log: createLogger(service, config.LOG_LEVEL),
      bus,
      jwtSecret: jwtSecret.secret,
    });
    const start = async <T extends object>(
      definition: ServiceDefinition<T>,
    ): Promise<RunningService<T>> => {
      const service = await startService(definition);
      stoppers.push(() => service.close());
      await report.step(`${service.name} subgraph at ${service.url}`, service.ready);
      return service;
    };
    // One durable job queue for the process: decisions sends vote requests and round deadlines,
    // agents answer them and run tasks, metrics keeps its partitions (starting and stopping it is
    // idempotent, so each may).
    const jobs = new PgBossJobQueue({
      url: stores.databaseUrl,
      log: createLogger('jobs', config.LOG_LEVEL),
    });
    stoppers.push(() => jobs.stop());
    // Metrics first: it records the events the others publish as they start (the seed).
    const metricsConfig = loadMetricsConfig(serviceEnv(ports.metrics));
    await start(createMetricsService({ config: metricsConfig, ...common('metrics'), jobs }));
    const agentsConfig = loadAgentsConfig(serviceEnv(ports.agents));
    await start(createAgentsService({ config: agentsConfig, ...common('agents'), jobs }));
    // Decisions asks agents for stakeholders, so it starts once agents is ready.
    const decisionsConfig = loadDecisionsConfig(serviceEnv(ports.decisions));
    await start(createDecisionsService({ config: decisionsConfig, ...common('decisions'), jobs }));
    const knowledgeConfig = loadKnowledgeConfig(serviceEnv(ports.knowledge));
    await start(createKnowledgeService({ config: knowledgeConfig, ...common('knowledge') }));

    const gateway = await startGateway({
      config: loadGatewayConfig(serviceEnv(ports.gateway)),
      log: createLogger('gateway', config.LOG_LEVEL),
      bus,
      jwtSecret: jwtSecret.secret,
      // The dashboard's development sign-in: embedded mode only, never in production mode.
      dashboard: { devTokenMint: config.NODE_ENV !== 'production' },
    });
    stoppers.push(() => gateway.close());
    await report.step(`gateway at ${gateway.url} (WebSocket ${gateway.wsUrl})`, gateway.ready);
    if (jwtSecret.isDevSecret)
      report.line('  • auth: development JWT secret (set JWT_SECRET for anything shared)');
    return { gatewayUrl: gateway.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
