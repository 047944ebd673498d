import { createMetricsService, loadMetricsConfig, auditBounds } from '@daena/metrics';
import {
  InProcessEventBus,
  Role,
  signToken,
  startService,
  type RunningService,
} from '@daena/platform';
import {
  createTestDatabase,
  freePort,
  graphql,
  silentLogger,
  testJwtSecret,
  waitFor,
  type TestDatabase,
} from '@daena/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { auditEntryBounds } from '../src/audit/audit-entry.js';
import { loadGatewayConfig } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';

let database: TestDatabase;
let bus: InProcessEventBus;
let metrics: RunningService;
let gateway: RunningGateway;
let admin: string;

beforeAll(async () => {
  database = await createTestDatabase('gateway_audit');
  bus = new InProcessEventBus(silentLogger());
  const config = loadMetricsConfig({ PORT: '1', DATABASE_URL: database.url });
  metrics = await startService({
    ...createMetricsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
    port: 0,
  });
  await metrics.ready;
  gateway = await startGateway({
    config: loadGatewayConfig({
      PORT: String(await freePort()),
      METRICS_URL: metrics.url,
      // Nothing listens there: mutations on agents fail as a subgraph outage does.
      AGENTS_URL: `http://127.0.0.1:${await freePort()}/graphql`,
      RESPONSE_CACHE_MB: '0',
      GRAPHQL_MAX_DEPTH: '4',
    }),
    log: silentLogger(),
    bus,
    jwtSecret: testJwtSecret,
  });
  await gateway.ready;
  admin = await signToken(testJwtSecret, { sub: 'auditor', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await gateway?.close();
  await metrics?.close();
  await bus?.close();
  await database?.drop();
});

interface Entry {
  subject: string | null;
  roles: string[];
  clientIp: string | null;
  operationType: string | null;
  operationName: string | null;
  documentSha256: string | null;
  document: string | null;
  outcome: string;
  code: string | null;
  httpStatus: number | null;
  requestId: string | null;
}

/** The audit log's newest entries, read through the gateway as an admin. */
async function auditLog(): Promise<Entry[]> {
  const result = await graphql<{ auditLog: { nodes: Entry[] } }>(
    gateway.url,
    `
      {
        auditLog(first: 500) {
          nodes {
            subject
            roles
            clientIp
            operationType
            operationName
            documentSha256
            document
            outcome
            code
            httpStatus
            requestId
          }
        }
      }
    `,
    {},
    admin,
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.auditLog.nodes ?? [];
}

/** Waits until an entry with `requestId` is stored, and returns it. */
async function entryOf(requestId: string): Promise<Entry> {
  return waitFor(async () => {
    const found = (await auditLog()).find((entry) => entry.requestId === requestId);
    if (!found) throw new Error(`no audit entry for ${requestId} yet`);
    return found;
  });
}

async function post(body: unknown, requestId: string, token?: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('the gateway audit trail, written to metrics and read back through the gateway', () => {
  it('records a mutation that failed, with who, what and the code, but not its variables', async () => {
    const lead = await signToken(testJwtSecret, {
      sub: 'ada',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'engineering',
    });
    const secret = `s3cret-${Date.now()}`;
    const query =
      'mutation Rename($id: ID!, $name: String!) { renameAgent(id: $id, name: $name, version: 1) { id } }';
    await post(
      { query, variables: { id: crypto.randomUUID(), name: secret } },
      'req-mutation',
      lead,
    );

    const entry = await entryOf('req-mutation');
    expect(entry).toMatchObject({
      subject: 'ada',
      roles: ['department_lead'],
      operationType: 'MUTATION',
      operationName: 'Rename',
      document: query,
      outcome: 'ERROR',
      code: 'UNAVAILABLE',
      clientIp: '127.0.0.1',
    });
    expect(entry.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('records a malformed query as refused, and not the good query sent before it', async () => {
    await post({ query: '{ __typename }' }, 'req-fine');
    const status = await post({ query: '{ agents { ' }, 'req-malformed');

    const entry = await entryOf('req-malformed');
    expect(entry).toMatchObject({
      subject: null,
      operationType: null,
      document: '{ agents { ',
      outcome: 'REFUSED',
      code: 'GRAPHQL_PARSE_FAILED',
      httpStatus: status,
    });
    // Entries are written in the order requests end, so req-fine would be there by now.
    expect((await auditLog()).map((e) => e.requestId)).not.toContain('req-fine');
  });

  it('records a query over the depth limit as refused', async () => {
    await post(
      { query: 'query Deep { departments { agents { department { agents { id } } } } }' },
      'req-deep',
    );
    expect(await entryOf('req-deep')).toMatchObject({
      operationType: 'QUERY',
      operationName: 'Deep',
      outcome: 'REFUSED',
      code: 'MAX_DEPTH_EXCEEDED',
    });
  });

  it('records a request refused before GraphQL: a forged token, a body too large', async () => {
    const forged = await signToken('not-the-gateway-secret-0123456789', {
      sub: 'mallory',
      roles: [Role.ADMIN],
    });
    expect(await post({ query: 'mutation { removeModel(name: "x") }' }, 'req-forged', forged)).toBe(
      401,
    );
    expect(await entryOf('req-forged')).toMatchObject({
      subject: null,
      operationType: 'MUTATION',
      outcome: 'REFUSED',
      code: 'UNAUTHENTICATED',
      httpStatus: 401,
    });

    expect(await post({ query: `{ ${'a'.repeat(2_000_000)} }` }, 'req-huge')).toBe(413);
    expect(await entryOf('req-huge')).toMatchObject({
      outcome: 'REFUSED',
      code: 'PAYLOAD_TOO_LARGE',
      httpStatus: 413,
      document: null,
    });
  });

  it('records the exact code of a refusal made before Apollo Server: a batch', async () => {
    expect(
      await post([{ query: '{ __typename }' }, { query: '{ __typename }' }], 'req-batch'),
    ).toBe(400);
    expect(await entryOf('req-batch')).toMatchObject({
      outcome: 'REFUSED',
      code: 'BATCH_LIMIT_EXCEEDED',
      httpStatus: 400,
    });
  });

  it('records a subscription refused over graphql-ws, with who asked', async () => {
    const viewer = await signToken(testJwtSecret, { sub: 'ws-viewer', roles: [Role.VIEWER] });
    const client = createClient({
      url: gateway.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${viewer}` },
    });
    const query =
      'subscription Deep { agentActivity { department { agents { department { id } } } } }';
    try {
      await expect(client.iterate({ query }).next()).rejects.toBeDefined();
    } finally {
      await client.dispose();
    }
    const entry = await waitFor(async () => {
      const found = (await auditLog()).find(
        (e) => e.operationName === 'Deep' && e.subject === 'ws-viewer',
      );
      if (!found) throw new Error('no audit entry for the refused subscription yet');
      return found;
    });
    expect(entry).toMatchObject({
      operationType: 'SUBSCRIPTION',
      outcome: 'REFUSED',
      code: 'MAX_DEPTH_EXCEEDED',
      document: query,
      httpStatus: null,
    });
  });

  it('keeps the writing mutation out of the public API', async () => {
    const result = await graphql(
      gateway.url,
      'mutation { recordAuditEntries(entries: []) }',
      {},
      admin,
    );
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses the log to anyone but an admin', async () => {
    const viewer = await signToken(testJwtSecret, { sub: 'vic', roles: [Role.VIEWER] });
    const result = await graphql(gateway.url, '{ auditLog { nodes { id } } }', {}, viewer);
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('cuts entries to the bounds metrics enforces', () => {
    const { batch: _batch, ...fieldBounds } = auditBounds;
    expect(auditEntryBounds).toEqual(fieldBounds);
  });
});
