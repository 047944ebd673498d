import { buildAgentsSchema } from '@daena/agents';
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
];
