import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Role } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { SubgraphDataSource } from './subgraph-data-source.js';

type Fetcher = SubgraphDataSource['fetcher'];

/** A subgraph that answers each representation with its id, and keeps what it was sent. */
function entitiesSubgraph() {
  const sent: { body: { variables: { representations: { id: string }[] } }; headers: object }[] =
    [];
  const fetcher: Fetcher = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as (typeof sent)[number]['body'];
    sent.push({ body, headers: init?.headers ?? {} });
    const entities = body.variables.representations.map(({ id }) => ({ name: `Agent ${id}` }));
    return new Response(JSON.stringify({ data: { _entities: entities } }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { sent, fetcher };
}

function entitiesRequest(ids: string[], token?: string) {
  const context: GatewayContext = {
    principal: { sub: 'viewer', roles: [Role.VIEWER], department: null, token: token ?? null },
  };
  // The kind without an incoming request to take cache hints from (the enum is not exported).
  return {
    kind: 'health check',
    request: {
      query:
        'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Agent { name } } }',
      variables: { representations: ids.map((id) => ({ __typename: 'Agent', id })) },
    },
    context,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('SubgraphDataSource', () => {
  it('asks for each distinct entity once and answers every place of it', async () => {
    const subgraph = entitiesSubgraph();
    const source = new SubgraphDataSource({
      url: 'http://agents/graphql',
      fetcher: subgraph.fetcher,
    });

    const response = await source.process(entitiesRequest(['a', 'b', 'a', 'a', 'b']));

    expect(subgraph.sent[0]?.body.variables.representations.map(({ id }) => id)).toEqual([
      'a',
      'b',
    ]);
    expect(response.data?.['_entities']).toEqual(
      ['a', 'b', 'a', 'a', 'b'].map((id) => ({ name: `Agent ${id}` })),
    );
  });

  it("forwards the caller's token", async () => {
    const subgraph = entitiesSubgraph();
    const source = new SubgraphDataSource({
      url: 'http://agents/graphql',
      fetcher: subgraph.fetcher,
    });

    await source.process(entitiesRequest(['a'], 'the-token'));

    expect(subgraph.sent[0]?.headers).toMatchObject({ authorization: 'Bearer the-token' });
  });
});
