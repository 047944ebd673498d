import { env, loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';

const schema = serviceEnvSchema(4002)
  .extend(postgresEnv)
  .extend({
    /** The agents subgraph, asked for a department's agents when a proposal opens. */
    AGENTS_URL: env.url(['http', 'https']).default('http://127.0.0.1:4001/graphql'),
    /** How long one call to the agents subgraph may take before it counts as unavailable. */
    AGENTS_TIMEOUT_MS: z.coerce
      .number({ message: 'expected an integer number of milliseconds' })
      .int('expected an integer number of milliseconds')
      .min(1, 'expected at least 1 ms')
      .default(5_000),
  });
export type DecisionsConfig = z.infer<typeof schema>;

/** The decisions service's validated configuration (ARCHITECTURE §4). */
export function loadDecisionsConfig(
  env: Record<string, string | undefined> = process.env,
): DecisionsConfig {
  return loadConfig(schema, env);
}
