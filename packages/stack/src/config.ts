import { env, loadConfig } from '@daena/platform';
import { z } from 'zod';

const schema = z.object({
  /** The gateway's port; subgraphs take the next four (agents, decisions, knowledge, metrics). */
  PORT: env.port(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: env.url(['postgres', 'postgresql']).optional(),
  REDIS_URL: env.url(['redis', 'rediss']).optional(),
  NEO4J_URI: env.url(['bolt', 'neo4j', 'bolt+s', 'neo4j+s']).optional(),
  DAENA_DATA_DIR: z.string().default('.daena'),
  EMBEDDED_POSTGRES_PORT: env.port(54320),
  EMBEDDED_NEO4J_PORT: env.port(7687),
  LOG_LEVEL: env.logLevel(),
  NODE_ENV: env.nodeEnv(),
});
export type StackConfig = z.infer<typeof schema>;

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
