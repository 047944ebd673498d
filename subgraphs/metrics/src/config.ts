import { loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import type { z } from 'zod';

export const schema = serviceEnvSchema(4004).extend(postgresEnv);
export type MetricsConfig = z.infer<typeof schema>;

/** The metrics service's validated configuration (ARCHITECTURE §4). */
export function loadMetricsConfig(
  env: Record<string, string | undefined> = process.env,
): MetricsConfig {
  return loadConfig(schema, env);
}
