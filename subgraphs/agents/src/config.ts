import { loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import type { z } from 'zod';

const schema = serviceEnvSchema(4001).extend(postgresEnv);
export type AgentsConfig = z.infer<typeof schema>;

/** The agents service's validated configuration (ARCHITECTURE §4). */
export function loadAgentsConfig(
  env: Record<string, string | undefined> = process.env,
): AgentsConfig {
  return loadConfig(schema, env);
}
