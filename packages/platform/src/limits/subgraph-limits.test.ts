import { makeExecutableSchema } from '@graphql-tools/schema';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../service.js';
import { defaultOperationLimits } from './operation-limits.js';

/**
 * A subgraph protects itself as the gateway does (it may be reached without it): the same
 * operation limits, a bound on the items of any list and a per-request deadline.
 */
let service: RunningService;
let slowCalls = 0;
/** The clock the service's deadline reads, moved by the resolvers (no waiting in real time). */
let clock = 0;

beforeAll(async () => {
  const schema = makeExecutableSchema({
    typeDefs: `
      type Query { items(n: Int!): [Item!]! slow: Item! }
      type Item { id: Int! children: [Item!]! }
    `,
    resolvers: {
      Query: {
        items: (_: unknown, { n }: { n: number }) => Array.from({ length: n }, (_, id) => ({ id })),
        // A store that answers 150 ms later on the service's clock: past the 100 ms deadline.
        slow: () => {
          slowCalls += 1;
          clock += 150;
          return { id: 0 };
        },
      },
      Item: { children: () => [{ id: 1 }] },
    },
  });
  service = await startService({
    name: 'probe',
    port: 0,
    log: pino({ level: 'silent' }),
    stores: [],
    createSchema: () => schema,
    context: async () => ({}),
    limits: { ...defaultOperationLimits, maxListRows: 100, maxDepth: 4 },
    deadlineMs: 100,
    clock: () => clock,
  });
  await service.ready;
});
afterAll(async () => {
  await service?.close();
});

async function query(text: string) {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return (await response.json()) as {
    data?: unknown;
    errors?: { path?: string[]; extensions: Record<string, unknown> }[];
  };
}

describe('subgraph limits', () => {
  it('refuses a list longer than the bound, naming the field and the setting', async () => {
    expect((await query('{ items(n: 100) { id } }')).errors).toBeUndefined();
    const body = await query('{ items(n: 101) { id } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'ROW_LIMIT_EXCEEDED',
      measured: 101,
      allowed: 100,
      setting: 'GRAPHQL_MAX_LIST_ROWS',
    });
  });

  it('applies the operation limits itself', async () => {
    const body = await query('{ items(n: 1) { children { children { children { id } } } } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', measured: 5 });
  });

  it('resolves nothing more once a request has run past its deadline', async () => {
    const body = await query('{ slow { id children { id } } }');
    expect(slowCalls).toBe(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['slow', 'id'],
      extensions: { code: 'DEADLINE_EXCEEDED', allowed: 100 },
    });
    expect((await query('{ items(n: 2) { id } }')).errors).toBeUndefined();
  });
});
