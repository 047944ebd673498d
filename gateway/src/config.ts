import { fileURLToPath } from 'node:url';
import { env, loadConfig, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';
import { auditEnv } from './audit/audit-env.js';
import { rateLimitEnv } from './rate-limit/rate-limit-env.js';

const defaultSupergraph = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);
const defaultPersistedDocuments = fileURLToPath(
  new URL('../../clients/sdk/src/gql/persisted-documents.json', import.meta.url),
);
const subgraphUrl = (port: number) =>
  env.url(['http', 'https']).default(`http://127.0.0.1:${port}/graphql`);

export const schema = serviceEnvSchema(4000).extend({
  SUPERGRAPH_PATH: z
    .string()
    .default(defaultSupergraph)
    .describe('The composed supergraph the gateway serves (`npm run compose` writes it).'),
  AGENTS_URL: subgraphUrl(4001).describe('Where the agents subgraph answers; `npm start` sets it.'),
  DECISIONS_URL: subgraphUrl(4002).describe(
    'Where the decisions subgraph answers; `npm start` sets it.',
  ),
  KNOWLEDGE_URL: subgraphUrl(4003).describe(
    'Where the knowledge subgraph answers; `npm start` sets it.',
  ),
  METRICS_URL: subgraphUrl(4004).describe(
    'Where the metrics subgraph answers; `npm start` sets it.',
  ),
  /** MiB of query responses the response cache keeps; 0 turns it off. */
  RESPONSE_CACHE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(4096)
    .default(64)
    .describe(
      'MiB of query responses the gateway caches (keyed by data versions); 0 turns it off.',
    ),
  GATEWAY_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe(
      'Gateway processes sharing the port (node:cluster) when the gateway runs on its own (`npm start -w @daena/gateway`, distributed mode); each needs Redis for events.',
    ),
  ...rateLimitEnv,
  ...auditEnv,
  /**
   * Trusted documents (persisted-documents.ts): `allow` also serves the client manifest's
   * operations by hash, `only` serves nothing else, `off` ignores the manifest.
   */
  PERSISTED_DOCUMENTS: z
    .enum(['off', 'allow', 'only'])
    .default('allow')
    .describe(
      "Trusted documents: `allow` also serves the SDK's operations by hash, `only` serves nothing else, `off` ignores the manifest.",
    ),
  PERSISTED_DOCUMENTS_PATH: z
    .string()
    .default(defaultPersistedDocuments)
    .describe('The trusted-documents manifest (`npm run codegen` writes the default one).'),
});
export type GatewayConfig = z.infer<typeof schema>;

export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  return loadConfig(schema, env);
}

/** Where each subgraph of the supergraph is reached (overrides the URLs composed into it). */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    agents: config.AGENTS_URL,
    decisions: config.DECISIONS_URL,
    knowledge: config.KNOWLEDGE_URL,
    metrics: config.METRICS_URL,
  };
}
