import { env, loadConfig } from '@daena/platform';
import { z } from 'zod';

export const schema = z.object({
  /**
   * `embedded`: every service in this process; `distributed`: each service its own process on
   * Redis (an embedded one when REDIS_URL is unset); `production`: production mode, run as unset.
   * Unset: distributed when REDIS_URL is set.
   */
  DAENA_MODE: z
    .enum(['embedded', 'distributed', 'production'])
    .optional()
    .describe(
      'How `npm start` runs: `embedded`, every service in one process; `distributed`, each its own process on Redis (an embedded one without `REDIS_URL`); `production`, production mode (as `NODE_ENV=production`), distributed when `REDIS_URL` is set. Unset: distributed when `REDIS_URL` is set.',
    ),
  /** The gateway's port; subgraphs take the next four (agents, decisions, knowledge, metrics). */
  PORT: env
    .port(4000)
    .describe(
      "The gateway's port under `npm start`; agents, decisions, knowledge and metrics take the next four.",
    ),
  HOST: z
    .string()
    .default('127.0.0.1')
    .describe(
      "The address to listen on (under `npm start`, every service's, also used in the subgraph URLs); `0.0.0.0` to accept other machines.",
    ),
  DATABASE_URL: env
    .url(['postgres', 'postgresql'])
    .optional()
    .describe('The PostgreSQL database of every service. Unset: an embedded PostgreSQL.'),
  REDIS_URL: env
    .url(['redis', 'rediss'])
    .optional()
    .describe(
      'Redis shared by the services; set, `npm start` runs distributed (see `DAENA_MODE`).',
    ),
  NEO4J_URI: env
    .url(['bolt', 'neo4j', 'bolt+s', 'neo4j+s'])
    .optional()
    .describe(
      'The Neo4j server of the knowledge graph. Unset: an embedded Neo4j (Java 17+ and Maven).',
    ),
  /** Unset: `.daena` (as root, PostgreSQL's part may move to /var/tmp; see data-dir.ts). */
  DAENA_DATA_DIR: z
    .string()
    .optional()
    .describe(
      "Where embedded stores keep their data. Unset: `.daena` (as root, PostgreSQL's part may go to `/var/tmp`).",
    ),
  EMBEDDED_POSTGRES_PORT: env
    .port(54320)
    .describe("The embedded PostgreSQL's port; change it when another program holds it."),
  EMBEDDED_NEO4J_PORT: env
    .port(7687)
    .describe("The embedded Neo4j's Bolt port; change it when another program holds it."),
  /** Off Redis's 6379, so an embedded one never meets a system Redis. */
  EMBEDDED_REDIS_PORT: env
    .port(56379)
    .describe(
      'The port of the embedded Redis of distributed mode; change it when another program holds it.',
    ),
  LOG_LEVEL: env.logLevel(),
  NODE_ENV: env.nodeEnv(),
});
export type StackConfig = z.infer<typeof schema>;

/** The data directory when DAENA_DATA_DIR is unset. */
const defaultDataDir = '.daena';

export function dataDir(config: StackConfig): string {
  return config.DAENA_DATA_DIR ?? defaultDataDir;
}

export type StackMode = 'embedded' | 'distributed';

export function stackMode(config: StackConfig): StackMode {
  // `production` names production mode (loadConfig turns it into NODE_ENV=production), not a
  // way of running: that still follows REDIS_URL.
  if (config.DAENA_MODE === 'embedded' || config.DAENA_MODE === 'distributed') {
    return config.DAENA_MODE;
  }
  return config.REDIS_URL ? 'distributed' : 'embedded';
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
