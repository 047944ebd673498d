import { env, loadConfig, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';

const schema = serviceEnvSchema(4003).extend({
  NEO4J_URI: env.url(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']),
  // Both unset means a server with auth disabled (the embedded dev Neo4j).
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
});
export type KnowledgeConfig = z.infer<typeof schema>;

/** The knowledge service's validated configuration (ARCHITECTURE §4). */
export function loadKnowledgeConfig(
  env: Record<string, string | undefined> = process.env,
): KnowledgeConfig {
  return loadConfig(schema, env);
}
