import { describe, expect, it } from 'vitest';
import { composeSupergraph, staleFiles } from './compose.js';

describe('the committed schema', () => {
  it('composes without errors', async () => {
    const composition = await composeSupergraph();
    expect(composition.errors).toEqual([]);
    expect(composition.files['supergraph.graphql']).toContain('@join__graph(name: "agents"');
  });

  it('is up to date with the subgraphs (run `npm run compose` if this fails)', async () => {
    expect(await staleFiles(await composeSupergraph())).toEqual([]);
  });
});
