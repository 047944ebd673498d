import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { serviceEnvSchema } from '../service-config.js';
import { estimateCost } from './operation-cost.js';
import { defaultOperationLimits, operationLimitsFrom } from './operation-limits.js';
import { measureOperation } from './operation-shape.js';

const schema = buildSchema(`
  type Query {
    departments: [Department!]!
    department(id: ID!): Department
    page(first: Int! = 50, after: String): DepartmentPage!
    search(limit: Int): [Agent!]!
    _entities(representations: [String!]!): [Agent]!
  }
  type Mutation { pause(id: ID!): Agent!  ping: Boolean! }
  type Department { id: ID! name: String! agents: [Agent!]! lead: Agent }
  type Agent { id: ID! name: String! department: Department! }
  type DepartmentPage { nodes: [Department!]! totalCount: Int! }
`);

const operationOf = (query: string) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`no single operation in ${query}`);
  return { document, operation };
};
const shape = (query: string) => {
  const { document, operation } = operationOf(query);
  return measureOperation(operation, document);
};
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const { document, operation } = operationOf(query);
  return estimateCost(schema, document, operation, variables, {
    defaultListSize: 10,
  });
};

describe('measureOperation', () => {
  it.each([
    ['{ departments { id } }', { depth: 2, aliases: 0, rootFields: 1, directives: 0 }],
    ['{ a: departments { b: id } c: departments { id } }', { depth: 2, aliases: 3, rootFields: 2 }],
    ['{ departments { agents { department { id } } } }', { depth: 4 }],
    ['{ departments { id @skip(if: false) name @include(if: true) } }', { directives: 2 }],
    ['query Q @cached { departments { id } }', { directives: 1 }],
    [
      '{ ...R } fragment R on Query { departments { id } department(id: 1) { id } }',
      { rootFields: 2 },
    ],
    ['{ departments { ... on Department { agents { id } } } }', { depth: 3 }],
  ])('%s', (query, expected) => {
    expect(shape(query)).toMatchObject(expected);
  });

  it('adds a fragment once per spread without walking it again (2^30 spreads, linear time)', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Department { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const query = `{ departments { ...F0 } } ${fragments} fragment F30 on Department { x: id }`;
    expect(shape(query)).toMatchObject({ aliases: 2 ** 30, depth: 2 });
  });

  it('counts a fragment cycle (which validation refuses) as empty instead of looping', () => {
    const query =
      '{ departments { ...A } } fragment A on Department { ...B } fragment B on Department { a: id ...A }';
    expect(shape(query)).toMatchObject({ aliases: 1 });
  });

  it('measures the standard introspection query within the default depth', () => {
    expect(shape(getIntrospectionQuery()).depth).toBeLessThanOrEqual(
      defaultOperationLimits.maxDepth,
    );
  });
});

describe('estimateCost', () => {
  it.each([
    ['{ departments { id name } }', 10],
    ['{ departments { agents { id } } }', 10 * (1 + 10)],
    ['{ departments { lead { id } } }', 10 * (1 + 1)],
    ['{ department(id: 1) { agents { department { id } } } }', 1 + 10 * (1 + 1)],
    ['{ page(first: 3) { totalCount nodes { agents { id } } } }', 3 * (1 + 1 * (1 + 10))],
    ['{ page { nodes { id } } }', 50 * (1 + 1)],
    ['{ search(limit: 2) { id } }', 2],
    ['{ search { id } }', 10],
    ['{ _entities(representations: ["a", "b", "c"]) { id } }', 1],
    ['mutation { pause(id: 1) { id } }', 10],
    ['mutation { ping }', 10],
    ['{ departments { id agents @skip(if: true) { id } } }', 10],
    ['{ departments { ...D } } fragment D on Department { agents { id } }', 110],
    ['{ __typename departments { __typename } }', 10],
  ])('%s costs %d', (query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('reads page sizes and @include conditions from variables', () => {
    const query =
      'query ($n: Int!, $deep: Boolean!) { page(first: $n) { nodes { agents @include(if: $deep) { id } } } }';
    expect(cost(query, { n: 4, deep: false })).toBe(4 * 2);
    expect(cost(query, { n: 4, deep: true })).toBe(4 * (1 + 1 * (1 + 10)));
  });
});

describe('operation limits config', () => {
  const load = (env: Record<string, string>) => loadConfig(serviceEnvSchema(4001), env);

  it('has the documented defaults and can be turned off', () => {
    expect(operationLimitsFrom(load({}))).toEqual(defaultOperationLimits);
    expect(operationLimitsFrom(load({ GRAPHQL_LIMITS: 'off' }))).toBeUndefined();
    expect(operationLimitsFrom(load({ GRAPHQL_MAX_DEPTH: '8' }))?.maxDepth).toBe(8);
  });

  it('refuses a bound that makes no sense, naming the variable', () => {
    expect(() => load({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/^GRAPHQL_MAX_DEPTH: /);
    expect(() => load({ GRAPHQL_MAX_COST: 'lots' })).toThrow(/^GRAPHQL_MAX_COST: /);
  });

  it('takes DAENA_MODE=production as NODE_ENV=production', () => {
    expect(load({ DAENA_MODE: 'production' }).NODE_ENV).toBe('production');
    expect(() => load({ DAENA_MODE: 'production', NODE_ENV: 'development' })).toThrow(
      /^NODE_ENV: /,
    );
  });
});
