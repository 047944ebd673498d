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
});
export type KnowledgeConfig = z.infer<typeof schema>;

/** The knowledge service's validated configuration (ARCHITECTURE §4). */
export function loadKnowledgeConfig(
  env: Record<string, string | undefined> = process.env,
): KnowledgeConfig {
  return loadConfig(schema, env);
}
