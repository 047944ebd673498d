import { env, loadConfig } from '@daena/platform';
import { z } from 'zod';

const schema = z.object({
  /**
   * `embedded`: every service in this process; `distributed`: each service its own process on
   * Redis (an embedded one when REDIS_URL is unset). Unset: distributed when REDIS_URL is set.
   */
  DAENA_MODE: z.enum(['embedded', 'distributed']).optional(),
  /** The gateway's port; subgraphs take the next four (agents, decisions, knowledge, metrics). */
  PORT: env.port(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: env.url(['postgres', 'postgresql']).optional(),
  REDIS_URL: env.url(['redis', 'rediss']).optional(),
  NEO4J_URI: env.url(['bolt', 'neo4j', 'bolt+s', 'neo4j+s']).optional(),
  /** Unset: `.daena` (as root, PostgreSQL's part may move to /var/tmp; see data-dir.ts). */
  DAENA_DATA_DIR: z.string().optional(),
  EMBEDDED_POSTGRES_PORT: env.port(54320),
  EMBEDDED_NEO4J_PORT: env.port(7687),
  /** Off Redis's 6379, so an embedded one never meets a system Redis. */
  EMBEDDED_REDIS_PORT: env.port(56379),
  LOG_LEVEL: env.logLevel(),
  NODE_ENV: env.nodeEnv(),
});
export type StackConfig = z.infer<typeof schema>;

/** The data directory when DAENA_DATA_DIR is unset. */
export const defaultDataDir = '.daena';

export function dataDir(config: StackConfig): string {
  return config.DAENA_DATA_DIR ?? defaultDataDir;
}

export type StackMode = 'embedded' | 'distributed';

export function stackMode(config: StackConfig): StackMode {
  return config.DAENA_MODE ?? (config.REDIS_URL ? 'distributed' : 'embedded');
}

export function loadStackConfig(
  env: Record<string, string | undefined> = process.env,
): StackConfig {
  return loadConfig(schema, env);
}

export const serviceNames = ['gateway', 'agents', 'decisions', 'knowledge', 'metrics'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** gateway on PORT, then agents, decisions, knowledge, metrics on PORT+1 … PORT+4. */
export function servicePorts(basePort: number): Record<ServiceName, number> {
  return Object.fromEntries(serviceNames.map((name, index) => [name, basePort + index])) as Record<
    ServiceName,
    number
  >;
}
