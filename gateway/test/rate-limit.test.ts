import { randomUUID } from 'node:crypto';
import { Role, signToken } from '@daena/platform';
import { testJwtSecret, testStores, waitFor } from '@daena/testing';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../src/gateway.js';
import { startTestGateway } from './test-gateway.js';

const perSubject = 3;
const perIp = 5;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
}

describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL: testStores.redisUrl }],
])('rate limits counted %s', (_store, storeEnv: Record<string, string>) => {
  let gateway: RunningGateway;
  const prefix = `daena:test:${randomUUID()}`;
  const redis = new Redis(testStores.redisUrl, { lazyConnect: true });
  const token = (sub: string) => signToken(testJwtSecret, { sub, roles: [Role.VIEWER] });

  // Clients are told apart by X-Forwarded-For (the gateway trusts loopback as a proxy), so each
  // test has addresses of its own within one window.
  const query = async (ip: string, bearer?: string): Promise<Answer> => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': ip,
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer['body'],
    };
  };

  beforeAll(async () => {
    gateway = await startTestGateway({
      ...storeEnv,
      RATE_LIMIT_SUBJECT: String(perSubject),
      RATE_LIMIT_IP: String(perIp),
      RATE_LIMIT_WINDOW_SEC: '2',
      RATE_LIMIT_EXEMPT_LOOPBACK: 'false',
      RATE_LIMIT_TRUST_PROXY: 'loopback',
      RATE_LIMIT_PREFIX: prefix,
    });
  });
  afterAll(async () => {
    await gateway.close();
    redis.disconnect();
  });

  it('answers 429 RATE_LIMITED past the subject limit, other subjects unaffected', async () => {
    const ada = await token('ada');
    const answers: Answer[] = [];
    for (let i = 0; i <= perSubject; i++) answers.push(await query(`10.1.0.${i}`, ada));

    expect(answers.slice(0, perSubject).map((a) => a.status)).toEqual([200, 200, 200]);
    const refused = answers[perSubject];
    expect(refused?.status).toBe(429);
    expect(Number(refused?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused?.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      scope: 'subject',
      limit: perSubject,
      remaining: 0,
      retryAfter: Number(refused?.retryAfter),
    });
    // Counted in Redis when REDIS_URL is set, and only then.
    const counters = await redis.keys(`${prefix}:*`);
    expect(counters.includes(`${prefix}:subject:ada`)).toBe('REDIS_URL' in storeEnv);
    expect((await query('10.1.1.1', await token('bob'))).status).toBe(200);
    // After the window, ada's queries go through again.
    await waitFor(async () => expect((await query('10.1.2.1', ada)).status).toBe(200), 5_000);
  });

  it('answers 429 past the IP limit, other addresses unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= perIp; i++) statuses.push((await query('10.2.0.1')).status);

    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await query('10.2.0.2')).status).toBe(200);
    await waitFor(async () => expect((await query('10.2.0.1')).status).toBe(200), 5_000);
  });

  it('refuses WebSocket connection attempts past the IP limit with 429', async () => {
    const attempt = () =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws', {
          headers: { 'x-forwarded-for': '10.3.0.1' },
        });
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('error', reject);
      });
    const statuses: number[] = [];
    for (let i = 0; i <= perIp; i++) statuses.push(await attempt());

    expect(statuses).toEqual([101, 101, 101, 101, 101, 429]);
  });

  it('refuses operations on a socket past the subject limit with RATE_LIMITED', async () => {
    const client = createClient({
      url: gateway.wsUrl,
      webSocketImpl: forwardedFor('10.4.0.1'),
      connectionParams: { authorization: `Bearer ${await token('carol')}` },
      retryAttempts: 0,
      // One connection for every operation: each new connection would count against the IP.
      lazy: false,
    });
    const run = async () => {
      try {
        for await (const result of client.iterate({ query: '{ __typename }' })) return result;
      } catch (errors) {
        return { errors: errors as { extensions?: Record<string, unknown> }[] };
      }
    };
    const results = [];
    for (let i = 0; i <= perSubject; i++) results.push(await run());
    await client.dispose();

    expect(results.slice(0, perSubject)).toEqual(
      Array.from({ length: perSubject }, () => ({ data: { __typename: 'Query' } })),
    );
    expect(results[perSubject]?.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      scope: 'subject',
      limit: perSubject,
    });
  });
});

/** A WebSocket class for graphql-ws whose upgrade request carries X-Forwarded-For. */
function forwardedFor(ip: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': ip } });
    }
  };
}
