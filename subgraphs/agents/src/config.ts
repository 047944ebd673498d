import { env, loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';

/** The agents' hot-state cache: Redis when REDIS_URL is set, in this process otherwise. */
const agentStateCacheEnv = {
  // The trailing version changes with the cached JSON's shape, so old entries are never misread.
  AGENT_STATE_CACHE_PREFIX: z.string().min(1).default('daena:agents:state:v1:'),
  // An agent that reports nothing for an hour is cold: its entry goes; the next read refills it.
  AGENT_STATE_CACHE_TTL_SECONDS: z.coerce
    .number({ message: 'expected a whole number of seconds, at least 1' })
    .int('expected a whole number of seconds, at least 1')
    .min(1, 'expected a whole number of seconds, at least 1')
    .default(3_600),
};

const schema = serviceEnvSchema(4001)
  .extend(postgresEnv)
  .extend(agentStateCacheEnv)
  .extend({
    /** The decisions subgraph, asked for a department's open proposals before it is retired. */
    DECISIONS_URL: env.url(['http', 'https']).default('http://127.0.0.1:4002/graphql'),
    /** How long one call to the decisions subgraph may take before it counts as unavailable. */
    DECISIONS_TIMEOUT_MS: z.coerce
      .number({ message: 'expected an integer number of milliseconds' })
      .int('expected an integer number of milliseconds')
      .min(1, 'expected at least 1 ms')
      .default(5_000),
    /**
     * Whether this service's agents answer vote requests from the job queue (the default). Off,
     * votes come from elsewhere (an external agent runtime, or a benchmark casting its own).
     */
    AGENTS_ANSWER_VOTE_REQUESTS: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('true')
      .transform((value) => value === 'true'),
  });
export type AgentsConfig = z.infer<typeof schema>;

/** The agents service's validated configuration (ARCHITECTURE §4). */
export function loadAgentsConfig(
  env: Record<string, string | undefined> = process.env,
): AgentsConfig {
  return loadConfig(schema, env);
}
