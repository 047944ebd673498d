import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationSubgraphs, subgraphOwnership } from './subgraph-ownership.js';

const supergraph = readFileSync(
  new URL('../../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const api = buildSchema(
  readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'),
);
const ownership = subgraphOwnership(supergraph);
const subgraphsOf = (operation: string) => operationSubgraphs(api, parse(operation), ownership);

describe('operationSubgraphs', () => {
  it.each([
    ['{ organization { departments { id name agents { id status } } } }', ['agents']],
    ['{ proposals { id title } }', ['decisions']],
    // Vote.agent is a reference: only its id comes from decisions, the name from agents.
    ['{ proposals { votes { agent { id } } } }', ['decisions']],
    ['{ proposals { votes { agent { name } } } }', ['agents', 'decisions']],
    ['mutation { pauseAgent(id: "a", version: 1) { status } }', ['agents']],
    ['{ __typename organization { __typename } }', ['agents']],
    ['query Q { ...F } fragment F on Query { metricNames }', ['metrics']],
  ])('%s reads %j', (operation, expected) => {
    expect(subgraphsOf(operation)).toEqual(expected);
  });

  it('maps every field of the supergraph to the subgraphs that resolve it', () => {
    expect(ownership.get('Query.organization')).toEqual(['agents']);
    expect(ownership.get('Agent.name')).toEqual(['agents']);
    // Entity keys never change, so they make no response depend on their owner.
    expect(ownership.get('Agent.id')).toEqual([]);
  });
});
