import { env, loadConfig, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';

export const schema = serviceEnvSchema(4003).extend({
  NEO4J_URI: env
    .url(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'])
    .describe('The Neo4j server of the knowledge graph (`npm start` passes its own).'),
  // Both unset means a server with auth disabled (the embedded dev Neo4j).
  NEO4J_USER: z
    .string()
    .optional()
    .describe('Neo4j user; unset with `NEO4J_PASSWORD` for a server without auth.'),
  NEO4J_PASSWORD: z
    .string()
    .optional()
    .describe('Neo4j password; unset with `NEO4J_USER` for a server without auth.'),
  /** The agents subgraph, whose Border Agents carry share requests and shared copies. */
  AGENTS_URL: env
    .url(['http', 'https'])
    .default('http://127.0.0.1:4001/graphql')
    .describe(
      'Where the agents subgraph answers (shares travel by its Border Agents); `npm start` sets it.',
    ),
  AGENTS_TIMEOUT_MS: z.coerce
    .number({ message: 'expected an integer number of milliseconds' })
    .int('expected an integer number of milliseconds')
    .min(1, 'expected at least 1 ms')
    .default(5_000)
    .describe('How long one relay through the agents subgraph may take before it counts as down.'),
  /** Issue 16: share messages the agents subgraph could not carry are retried from an outbox. */
  KNOWLEDGE_RELAY_RETRY_MS: z.coerce
    .number({ message: 'expected an integer number of milliseconds' })
    .int('expected an integer number of milliseconds')
    .min(100, 'expected at least 100 ms')
    .default(30_000)
    .describe(
      'First wait before a share message agents could not carry is sent again; doubles per attempt, up to an hour.',
    ),
  KNOWLEDGE_CHANGE_RETENTION_DAYS: z.coerce
    .number({ message: 'expected a number of days' })
    .positive('expected more than 0 days')
    .default(30)
    .describe('Change records (what `knowledgeUpdates` delivers) older than this are deleted.'),
  KNOWLEDGE_CHANGE_RETENTION_COUNT: z.coerce
    .number({ message: 'expected an integer count' })
    .int('expected an integer count')
    .min(1, 'expected at least 1')
    .default(100_000)
    .describe('At most this many change records are kept; the oldest beyond it are deleted.'),
  KNOWLEDGE_MAINTENANCE_INTERVAL_MS: z.coerce
    .number({ message: 'expected an integer number of milliseconds' })
    .int('expected an integer number of milliseconds')
    .min(0, 'expected 0 (off) or more')
    .default(60_000)
    .describe('How often the service retries share messages and prunes change records (0: never).'),
});
export type KnowledgeConfig = z.infer<typeof schema>;

/** The knowledge service's validated configuration (ARCHITECTURE §4). */
export function loadKnowledgeConfig(
  env: Record<string, string | undefined> = process.env,
): KnowledgeConfig {
  return loadConfig(schema, env);
}
