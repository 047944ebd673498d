import { Role, signToken } from '@daena/platform';
import { createDaenaClient, organizationQuery } from '@daena/sdk';
import { testJwtSecret } from '@daena/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../src/gateway-harness.js';
import { aliasQuery, cycleQuery } from '../src/hostile-queries.js';

/**
 * The hostile-client suite: every request here is refused with its documented code, through the
 * real gateway over HTTP and graphql-ws, and the platform keeps serving a normal query right after.
 */
let harness: GatewayHarness;
let production: GatewayHarness;
let limited: GatewayHarness;
let trusted: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness('e2e_hostile');
  production = await startGatewayHarness('e2e_hostile_production', {
    gatewayEnv: { NODE_ENV: 'production' },
  });
  // Loopback is exempt from rate limits outside production; here clients are told apart by
  // X-Forwarded-For from the (trusted) loopback proxy.
  limited = await startGatewayHarness('e2e_hostile_rate', {
    gatewayEnv: {
      RATE_LIMIT_IP: '20',
      RATE_LIMIT_EXEMPT_LOOPBACK: 'false',
      RATE_LIMIT_TRUST_PROXY: 'loopback',
    },
  });
  trusted = await startGatewayHarness('e2e_hostile_trusted', {
    gatewayEnv: { NODE_ENV: 'production', PERSISTED_DOCUMENTS: 'only' },
  });
});
afterAll(async () => {
  await harness?.close();
  await production?.close();
  await limited?.close();
  await trusted?.close();
});

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(
  body: unknown,
  headers: Record<string, string> = {},
  url = harness.gateway.url,
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The platform still serves: a normal query answers and every store is ready. */
async function expectHealthy(url = harness.gateway.url) {
  const { status, body } = await post({ query: '{ departments { name } }' }, {}, url);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect((body.data?.['departments'] as unknown[]).length).toBe(8);
  expect((await fetch(url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
}

function expectRefused(body: GraphQLBody, code: string) {
  expect(body.data ?? undefined).toBeUndefined();
  expect(body.errors?.[0]?.extensions?.['code'], JSON.stringify(body.errors)).toBe(code);
  return body.errors?.[0]?.extensions ?? {};
}

describe('operation limits over HTTP', () => {
  it('refuses the 50-level departments ↔ agents query (it once ran the platform out of memory)', async () => {
    const { status, body } = await post({ query: cycleQuery(49) });
    expect(status).toBe(200);
    const extensions = expectRefused(body, 'MAX_DEPTH_EXCEEDED');
    expect(extensions).toMatchObject({ measured: 50, allowed: 15, setting: 'GRAPHQL_MAX_DEPTH' });
    await expectHealthy();
  });

  it('answers 400 to the same refusal under application/graphql-response+json', async () => {
    const { status, body } = await post(
      { query: cycleQuery(49) },
      { accept: 'application/graphql-response+json' },
    );
    expect(status).toBe(400);
    expectRefused(body, 'MAX_DEPTH_EXCEEDED');
  });

  it('refuses 1,000 aliases (by their tokens) and 100 aliases (by their count)', async () => {
    expectRefused((await post({ query: aliasQuery(1000) })).body, 'MAX_TOKENS_EXCEEDED');
    const extensions = expectRefused(
      (await post({ query: aliasQuery(100) })).body,
      'MAX_ALIASES_EXCEEDED',
    );
    expect(extensions).toMatchObject({ measured: 100, allowed: 30 });
    await expectHealthy();
  });

  it('counts aliases through fragment spreads', async () => {
    const fragment = Array.from({ length: 20 }, (_, i) => `a${i}: id`).join(' ');
    const query = `{ departments { ...F ...G } } fragment F on Department { ${fragment} } fragment G on Department { ...F }`;
    expect(expectRefused((await post({ query })).body, 'MAX_ALIASES_EXCEEDED')).toMatchObject({
      measured: 40,
    });
  });

  it('refuses a query whose estimated cost is too high, within the depth limit', async () => {
    const extensions = expectRefused(
      (await post({ query: cycleQuery(9) })).body,
      'COST_LIMIT_EXCEEDED',
    );
    expect(extensions['measured']).toBeGreaterThan(20_000);
    expect(extensions).toMatchObject({ allowed: 20_000, setting: 'GRAPHQL_MAX_COST' });
    await expectHealthy();
  });

  it('prices a page by its size, also when the size is a variable', async () => {
    const query = `query Page($n: Int!) { organization { departmentPage(first: $n) { nodes { agents { id neighbors: department { neighbors { agents { id } } } } } } } }`;
    expectRefused((await post({ query, variables: { n: 200 } })).body, 'COST_LIMIT_EXCEEDED');
    const small = await post({ query, variables: { n: 2 } });
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses too many tokens, directives and root fields', async () => {
    const tokens = `{ departments { ${'id '.repeat(6000)}} }`;
    expect(
      expectRefused((await post({ query: tokens })).body, 'MAX_TOKENS_EXCEEDED'),
    ).toMatchObject({
      allowed: 5000,
    });
    const directives = `{ departments { ${'id @include(if: true) '.repeat(60)}} }`;
    expect(
      expectRefused((await post({ query: directives })).body, 'MAX_DIRECTIVES_EXCEEDED'),
    ).toMatchObject({ measured: 60, allowed: 50 });
    const roots = `{ ${'departments { id } '.repeat(25)}}`;
    expect(
      expectRefused((await post({ query: roots })).body, 'MAX_ROOT_FIELDS_EXCEEDED'),
    ).toMatchObject({ measured: 25, allowed: 20 });
    await expectHealthy();
  });

  it('refuses batches, a 2 MB body and malformed JSON', async () => {
    const batch = await post([
      { query: '{ departments { id } }' },
      { query: '{ roles { role } }' },
    ]);
    expect(batch.status).toBe(400);
    expectRefused(batch.body, 'BATCH_LIMIT_EXCEEDED');
    const big = await post({ query: `{ departments { id } } # ${'x'.repeat(2 * 1024 * 1024)}` });
    expect(big.status).toBe(413);
    expect(expectRefused(big.body, 'PAYLOAD_TOO_LARGE')).toMatchObject({ allowed: 1024 * 1024 });
    const malformed = await post('{"query": "{ departments { id } }"');
    expect(malformed.status).toBe(400);
    expectRefused(malformed.body, 'BAD_REQUEST');
    await expectHealthy();
  });
});

describe('a subgraph reached without the gateway', () => {
  it('refuses the same bombs on /graphql and on its subscription stream', async () => {
    const subgraph = harness.agents.url;
    expectRefused((await post({ query: cycleQuery(49) }, {}, subgraph)).body, 'MAX_DEPTH_EXCEEDED');
    const stream = await post(
      {
        query: `subscription { routeTaskStream(input: { task: "x" }) { ${'__typename '.repeat(6000)}} }`,
      },
      {},
      `${subgraph}/stream`,
    );
    expect(stream.status).toBe(400);
    expectRefused(stream.body, 'MAX_TOKENS_EXCEEDED');
    await expectHealthy(subgraph);
  });
});

describe('tokens', () => {
  const unsigned = (claims: Record<string, unknown>) =>
    [{ alg: 'none', typ: 'JWT' }, claims]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.') + '.';

  it('refuses alg=none, a wrong key, an expired and a future-dated token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens: Record<string, string> = {
      none: unsigned({
        sub: 'x',
        roles: ['admin'],
        iss: 'daena',
        aud: 'daena-api',
        exp: now + 600,
      }),
      wrongKey: await signToken('another-secret-0123456789', { sub: 'x', roles: [Role.ADMIN] }),
      expired: await signToken(testJwtSecret, { sub: 'x', roles: [Role.ADMIN] }, '-1h'),
      future: await futureToken(),
    };
    const reasons: Record<string, string> = {
      none: 'TOKEN_INVALID',
      wrongKey: 'TOKEN_INVALID',
      expired: 'TOKEN_EXPIRED',
      future: 'TOKEN_NOT_YET_VALID',
    };
    for (const [name, token] of Object.entries(tokens)) {
      const { status, body } = await post(
        { query: '{ departments { id } }' },
        { authorization: `Bearer ${token}` },
      );
      expect(status, name).toBe(401);
      expect(body.errors?.[0]?.extensions, name).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: reasons[name],
      });
    }
    await expectHealthy();
  });
});

async function futureToken(): Promise<string> {
  const { SignJWT } = await import('jose');
  return new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer('daena')
    .setAudience('daena-api')
    .setNotBefore('2h')
    .setExpirationTime('3h')
    .sign(new TextEncoder().encode(testJwtSecret));
}

/** The errors a graphql-ws operation ends with (graphql-ws rejects the iteration with them). */
async function wsErrors(url: string, query: string): Promise<GraphQLBody['errors']> {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    for await (const result of client.iterate({ query })) {
      if (result.errors) return result.errors as GraphQLBody['errors'];
    }
    return [];
  } catch (errors) {
    return errors as GraphQLBody['errors'];
  } finally {
    await client.dispose();
  }
}

describe('operation limits over graphql-ws', () => {
  it('refuses a depth bomb and a costly subscription with the same codes', async () => {
    const depth = `subscription { agentActivity { ${'department { agents { '.repeat(10)} id ${'} } '.repeat(10)} } }`;
    const costly = `subscription { agentActivity { ${'department { agents { '.repeat(5)} id ${'} } '.repeat(5)} } }`;
    const tokens = `subscription { agentActivity { ${'id '.repeat(6000)}} }`;
    for (const [query, code] of [
      [depth, 'MAX_DEPTH_EXCEEDED'],
      [costly, 'COST_LIMIT_EXCEEDED'],
      [tokens, 'MAX_TOKENS_EXCEEDED'],
    ] as const) {
      const errors = await wsErrors(harness.gateway.wsUrl, query);
      expect(errors, code).toHaveLength(1);
      expect(errors?.[0]?.extensions?.['code']).toBe(code);
      expect(errors?.[0]?.extensions).not.toHaveProperty('http');
    }
    await expectHealthy();
  });
});

describe('rate limits', () => {
  it('answers a burst from one client with 429 and Retry-After, and serves others', async () => {
    const url = limited.gateway.url;
    const burst = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
          body: JSON.stringify({ query: '{ departments { id } }' }),
        }),
      ),
    );
    const refused = burst.filter((response) => response.status === 429);
    expect(refused).toHaveLength(20);
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(expectRefused((await refused[0]?.json()) as GraphQLBody, 'RATE_LIMITED')).toMatchObject({
      limit: 20,
    });
    const other = await post(
      { query: '{ departments { name } }' },
      { 'x-forwarded-for': '203.0.113.8' },
      url,
    );
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });
});

describe('production mode', () => {
  it('refuses introspection and gives no "Did you mean" suggestions', async () => {
    const url = production.gateway.url;
    const introspection = await post({ query: '{ __schema { types { name } } }' }, {}, url);
    expectRefused(introspection.body, 'GRAPHQL_VALIDATION_FAILED');
    const typo = await post({ query: '{ departmnts { id } }' }, {}, url);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const development = await post({ query: '{ departmnts { id } }' });
    expect(development.body.errors?.[0]?.message).toMatch(/Did you mean "departments"/);
    await expectHealthy(url);
  });

  it('gives no suggestions over graphql-ws either', async () => {
    const errors = await wsErrors(production.gateway.wsUrl, 'subscription { agentActivty { id } }');
    expect(errors?.[0]?.message).toMatch(/Cannot query field "agentActivty"/);
    expect(errors?.[0]?.message).not.toMatch(/Did you mean/);
    const development = await wsErrors(
      harness.gateway.wsUrl,
      'subscription { agentActivty { id } }',
    );
    expect(development?.[0]?.message).toMatch(/Did you mean "agentActivity"/);
  });
});

describe('trusted documents only (PERSISTED_DOCUMENTS=only)', () => {
  it('runs the operations of the client manifest and refuses any other, over HTTP and graphql-ws', async () => {
    const client = createDaenaClient({ url: trusted.gateway.url, webSocketImpl: WebSocket });
    try {
      const { departments } = await client.request(organizationQuery);
      expect(departments).toHaveLength(8);
    } finally {
      await client.close();
    }
    const raw = await post({ query: '{ departments { name } }' }, {}, trusted.gateway.url);
    expect(raw.status).toBe(400);
    expectRefused(raw.body, 'PERSISTED_DOCUMENT_REQUIRED');
    const get = await fetch(
      `${trusted.gateway.url}?query=${encodeURIComponent('{ departments { name } }')}`,
    );
    expect(get.status).toBe(400);
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}` }, {}, trusted.gateway.url);
    expectRefused(unknown.body, 'PERSISTED_DOCUMENT_NOT_FOUND');
    const errors = await wsErrors(trusted.gateway.wsUrl, 'subscription { agentActivity { id } }');
    expect(errors?.[0]?.extensions?.['code']).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });
});
