import { InProcessEventBus, type EventBus, type RunningService } from '@daena/platform';
import { silentLogger, startTestService, testJwtSecret } from '@daena/testing';
import { loadAgentsConfig } from '../src/config.js';
import { createAgentsService } from '../src/service.js';

export interface StartAgentsOptions {
  /** Puts the agents' hot-state cache on Redis (without it, the in-process cache). */
  redisUrl?: string;
  /** The cache's key prefix: give each test database its own, so parallel runs never collide. */
  cacheKeyPrefix?: string;
  /** More settings, e.g. the router's LLM_MODELS. */
  env?: Record<string, string>;
}

/** The agents service on `databaseUrl`, on a free port, ready to answer. */
export function startAgents(
  databaseUrl: string,
  bus: EventBus = new InProcessEventBus(silentLogger()),
  options: StartAgentsOptions = {},
): Promise<RunningService> {
  const config = loadAgentsConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: options.redisUrl,
    AGENT_STATE_CACHE_PREFIX: options.cacheKeyPrefix,
    ...options.env,
  });
  return startTestService(
    createAgentsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
  );
}
