import { makeExecutableSchema } from '@graphql-tools/schema';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type RunningService, type StoreConnector } from './service.js';

const log = pino({ level: 'silent' });
const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.close()));
});

/** A store that refuses to connect until `bringUp()` is called. */
function flakyStore(name: string) {
  let up = false;
  let attempts = 0;
  let notify: () => void = () => {};
  const firstAttempt = new Promise<void>((resolve) => (notify = resolve));
  const store: StoreConnector = {
    name,
    async connect() {
      attempts++;
      notify();
      if (!up) throw new Error(`${name} refused the connection`);
    },
    async check() {},
    async close() {},
  };
  return { store, firstAttempt, bringUp: () => (up = true), attempts: () => attempts };
}

const schema = makeExecutableSchema({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'world' } },
});

async function start(stores: StoreConnector[]) {
  const service = await startService({
    name: 'probe',
    port: 0,
    log,
    stores,
    createSchema: () => schema,
    context: async () => ({}),
  });
  running.push(service);
  return service;
}

const origin = (service: RunningService) => service.url.replace('/graphql', '');

describe('startService', () => {
  it('reports a store that is down, keeps retrying, and serves once it is up', async () => {
    const postgres = flakyStore('postgres');
    const service = await start([postgres.store]);
    await postgres.firstAttempt;

    const health = await fetch(`${origin(service)}/healthz`);
    expect(health.status).toBe(200);
    const notReady = await fetch(`${origin(service)}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      failing: [{ store: 'postgres', error: 'postgres refused the connection' }],
    });
    const early = await post(service, '{ hello }');
    expect(early.status).toBe(503);
    expect(await early.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAVAILABLE' } }] });

    postgres.bringUp();
    await service.ready;
    expect(postgres.attempts()).toBeGreaterThan(1);
    expect((await fetch(`${origin(service)}/readyz`)).status).toBe(200);
    expect(await (await post(service, '{ hello }')).json()).toEqual({ data: { hello: 'world' } });
  });

  it('answers malformed GraphQL with a standard error code (200 under application/json)', async () => {
    const service = await start([]);
    await service.ready;
    const response = await post(service, '{ hello ');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    });
    const strict = await post(service, '{ hello ', 'application/graphql-response+json');
    expect(strict.status).toBe(400);
  });

  it('exposes Prometheus metrics', async () => {
    const service = await start([]);
    await service.ready;
    await post(service, '{ hello }');
    const text = await (await fetch(`${origin(service)}/metrics`)).text();
    expect(text).toMatch(/graphql_requests_total\{[^}]*operation_type="query"[^}]*\} 1/);
  });
});

function post(service: RunningService, query: string, accept = 'application/json') {
  return fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
}
