import { buildAgentsSchema } from '@daena/agents';
import { buildDecisionsSchema } from '@daena/decisions';
import { buildKnowledgeSchema } from '@daena/knowledge';
import { buildMetricsSchema } from '@daena/metrics';
import type { GraphQLSchema } from 'graphql';

export interface SubgraphSource {
  name: string;
  /** The URL composed into the supergraph; the gateway overrides it from its config. */
  url: string;
  build(): Promise<GraphQLSchema>;
}

/** Every subgraph of the supergraph, in port order. */
export const subgraphs: readonly SubgraphSource[] = [
  { name: 'agents', url: 'http://127.0.0.1:4001/graphql', build: buildAgentsSchema },
  { name: 'decisions', url: 'http://127.0.0.1:4002/graphql', build: buildDecisionsSchema },
  // Built without a database: @neo4j/graphql only needs the type definitions to print SDL.
  { name: 'knowledge', url: 'http://127.0.0.1:4003/graphql', build: () => buildKnowledgeSchema() },
  { name: 'metrics', url: 'http://127.0.0.1:4004/graphql', build: buildMetricsSchema },
];
