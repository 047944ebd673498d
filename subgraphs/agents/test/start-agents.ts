import {
  InProcessEventBus,
  type DomainEvent,
  type EventBus,
  type EventContract,
  type RunningService,
} from '@daena/platform';
import {
  createTestDatabase,
  silentLogger,
  startTestService,
  testJwtSecret,
  type TestDatabase,
} from '@daena/testing';
import pg from 'pg';
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

/**
 * Where a test's agents find knowledge and metrics unless it says: nowhere (a port nothing
 * listens on), so the sweep's catch-up never reads another stack that happens to run on this
 * machine's default ports.
 */
export const unreachableServices = {
  KNOWLEDGE_URL: 'http://127.0.0.1:9/graphql',
  METRICS_URL: 'http://127.0.0.1:9/graphql',
} as const;

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
    ...unreachableServices,
    ...options.env,
  });
  return startTestService(
    createAgentsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
  );
}

/** The agents service on a throwaway database of its own, as most of these tests want it. */
export interface AgentsOnTestDatabase<T> {
  database: TestDatabase;
  service: RunningService;
  /** A client on the service's database, to read what it stored. */
  sql: pg.Client;
  /** The events of the recorded contract the service published, in order. */
  events: DomainEvent<T>[];
  close(): Promise<void>;
}

/**
 * A fresh database named after `name`, the service on it with an in-process bus recording the
 * `recorded` contract's events, and a SQL client. `close` ends all three, whatever started.
 */
export async function agentsOnTestDatabase<T = unknown>(
  name: string,
  recorded?: EventContract<T>,
  options: StartAgentsOptions = {},
): Promise<AgentsOnTestDatabase<T>> {
  const events: DomainEvent<T>[] = [];
  const bus = new InProcessEventBus(silentLogger());
  if (recorded) bus.subscribe(recorded, (event) => void events.push(event));
  const database = await createTestDatabase(name);
  const started: { service?: RunningService; sql?: pg.Client } = {};
  const close = async () => {
    await started.sql?.end();
    await started.service?.close();
    await database.drop();
  };
  try {
    started.service = await startAgents(database.url, bus, options);
    started.sql = new pg.Client({ connectionString: database.url });
    await started.sql.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return { database, service: started.service, sql: started.sql, events, close };
}
