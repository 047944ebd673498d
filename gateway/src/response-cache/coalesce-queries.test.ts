import { ApolloServer } from '@apollo/server';
import { anonymous, type Principal } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { coalesceIdenticalQueries } from './coalesce-queries.js';

/** A server whose `slow` field waits until released, counting how often it ran. */
function serverWithGate(version: { current: number }) {
  let executions = 0;
  let release!: () => void;
  let gate = new Promise<void>((resolve) => (release = resolve));
  const coalesced: GatewayContext[] = [];
  const server = new ApolloServer<GatewayContext>({
    typeDefs: 'type Query { slow(n: Int): Int fail: Int }',
    resolvers: {
      Query: {
        slow: async (_: unknown, args: { n?: number }) => {
          executions++;
          await gate;
          return args.n ?? executions;
        },
        fail: async () => {
          executions++;
          await gate;
          throw new Error('boom');
        },
      },
    },
    plugins: [
      coalesceIdenticalQueries(
        ({ source, request, contextValue }) =>
          JSON.stringify([
            source,
            request.variables,
            contextValue.principal.token,
            version.current,
          ]),
        (context) => coalesced.push(context),
      ),
    ],
  });
  return {
    server,
    coalesced,
    executions: () => executions,
    release: () => {
      release();
      gate = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

const as = (token: string | null): { contextValue: GatewayContext } => ({
  contextValue: { principal: { ...anonymous, token } as Principal },
});

async function started(version = { current: 0 }) {
  const harness = serverWithGate(version);
  await harness.server.start();
  return harness;
}

/** Lets the requests already sent reach their resolvers (no timers: one macrotask turn). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceIdenticalQueries', () => {
  it('runs identical concurrent queries once and gives every caller the result', async () => {
    const h = await started();
    const requests = Array.from({ length: 5 }, () =>
      h.server.executeOperation({ query: '{ slow }' }, as('t')),
    );
    await settle();
    h.release();
    const results = await Promise.all(requests);
    expect(h.executions()).toBe(1);
    expect(h.coalesced).toHaveLength(4);
    for (const result of results) {
      expect(result.body.kind === 'single' && result.body.singleResult.data).toEqual({ slow: 1 });
    }
    await h.server.stop();
  });

  it('keeps different callers, variables and data versions apart', async () => {
    const version = { current: 0 };
    const h = await started(version);
    const first = h.server.executeOperation({ query: '{ slow }' }, as('alice'));
    const otherCaller = h.server.executeOperation({ query: '{ slow }' }, as('bob'));
    const otherArgs = h.server.executeOperation(
      { query: 'query ($n: Int) { slow(n: $n) }', variables: { n: 7 } },
      as('alice'),
    );
    await settle();
    version.current++;
    const afterWrite = h.server.executeOperation({ query: '{ slow }' }, as('alice'));
    await settle();
    h.release();
    await Promise.all([first, otherCaller, otherArgs, afterWrite]);
    expect(h.executions()).toBe(4);
    expect(h.coalesced).toHaveLength(0);
    await h.server.stop();
  });

  it('lets followers of a failed query execute on their own', async () => {
    const h = await started();
    const leader = h.server.executeOperation({ query: '{ fail }' }, as('t'));
    const follower = h.server.executeOperation({ query: '{ fail }' }, as('t'));
    await settle();
    h.release();
    await leader;
    await settle();
    h.release();
    const result = await follower;
    expect(h.executions()).toBe(2);
    expect(result.body.kind === 'single' && result.body.singleResult.errors?.[0]?.message).toBe(
      'boom',
    );
    await h.server.stop();
  });

  it('never coalesces mutations or the subscription bridge', async () => {
    const h = await started();
    const bridge = { contextValue: { ...as('t').contextValue, bypassResponseCache: true } };
    const requests = [
      h.server.executeOperation({ query: '{ slow }' }, bridge),
      h.server.executeOperation({ query: '{ slow }' }, bridge),
    ];
    await settle();
    h.release();
    await Promise.all(requests);
    expect(h.executions()).toBe(2);
    await h.server.stop();
  });
});
