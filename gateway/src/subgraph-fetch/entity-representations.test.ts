import { describe, expect, it } from 'vitest';
import { distinctRepresentations, spreadEntities } from './entity-representations.js';

const agent = (id: string) => ({ __typename: 'Agent', id });

describe('distinctRepresentations', () => {
  it('keeps each representation once, in order of first appearance', () => {
    const folded = distinctRepresentations([agent('a'), agent('b'), agent('a'), agent('a')]);

    expect(folded).toEqual({ distinct: [agent('a'), agent('b')], slots: [0, 1, 0, 0] });
  });

  it.each([
    ['all distinct', [agent('a'), agent('b')]],
    ['a single one', [agent('a')]],
    ['no representations', undefined],
  ])('leaves the fetch as it is with %s', (_case, representations) => {
    expect(distinctRepresentations(representations)).toBeNull();
  });
});

describe('spreadEntities', () => {
  const folded = { distinct: [agent('a'), agent('b')], slots: [0, 1, 0] };

  it('gives every place its own copy of its entity', () => {
    const response = {
      data: { _entities: [{ name: 'Ada', department: { id: 'd' } }, { name: 'Bo' }] },
    };

    const spread = spreadEntities(response, folded).data?._entities as {
      name: string;
      department?: object;
    }[];

    expect(spread.map((entity) => entity.name)).toEqual(['Ada', 'Bo', 'Ada']);
    expect(spread[2]).toEqual(spread[0]);
    expect(spread[2]?.department).not.toBe(spread[0]?.department);
  });

  it('repeats an error of an entity for every place of it', () => {
    const response = {
      data: { _entities: [null, { name: 'Bo' }] },
      errors: [{ message: 'gone', path: ['_entities', 0, 'name'] }, { message: 'whole fetch' }],
    };

    const spread = spreadEntities(response, folded);

    expect(spread.errors?.map((error) => [error.message, error.path])).toEqual([
      ['gone', ['_entities', 0, 'name']],
      ['gone', ['_entities', 2, 'name']],
      ['whole fetch', undefined],
    ]);
  });

  it('leaves an answer of the wrong length for the gateway to report', () => {
    const response = { data: { _entities: [{ name: 'Ada' }] } };

    expect(spreadEntities(response, folded)).toBe(response);
  });
});
