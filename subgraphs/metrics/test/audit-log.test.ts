import { createHash, randomUUID } from 'node:crypto';
import {
  InProcessEventBus,
  Role,
  signServiceToken,
  signToken,
  type RunningService,
} from '@daena/platform';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  testJwtSecret,
  testPool,
  type TestDatabase,
} from '@daena/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetrics } from './start-metrics.js';

let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;
let sql: pg.Pool;
let gatewayToken: string;
let adminToken: string;

beforeAll(async () => {
  database = await createTestDatabase('metrics_audit');
  bus = new InProcessEventBus(silentLogger());
  service = await startMetrics(database.url, bus);
  sql = testPool(database.url);
  gatewayToken = await signServiceToken(testJwtSecret, 'gateway');
  adminToken = await signToken(testJwtSecret, { sub: 'auditor', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await sql?.end();
  await service?.close();
  await bus?.close();
  await database?.drop();
});

const t0 = Date.parse('2026-11-24T10:00:00.000Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

/** An entry as the gateway sends it; `overrides` say what the test is about. */
function entry(overrides: Record<string, unknown> = {}) {
  const document = 'mutation Rename { renameAgent(id: "a", name: "b") { id } }';
  return {
    id: randomUUID(),
    occurredAt: at(0),
    subject: 'ada',
    roles: ['department_lead'],
    department: 'engineering',
    clientIp: '10.0.0.1',
    operationType: 'MUTATION',
    operationName: 'Rename',
    documentSha256: createHash('sha256').update(document).digest('hex'),
    document,
    outcome: 'OK',
    code: null,
    httpStatus: 200,
    durationMs: 12,
    requestId: null,
    ...overrides,
  };
}

const recordMutation = `
  mutation ($entries: [AuditEntryInput!]!) {
    recordAuditEntries(entries: $entries)
  }
`;

/** Posts a batch; `token` null sends none. */
function record(entries: unknown[], token: string | null = gatewayToken) {
  return graphql<{ recordAuditEntries: number }>(
    service.url,
    recordMutation,
    { entries },
    token ?? undefined,
  );
}

interface AuditView {
  id: string;
  occurredAt: string;
  subject: string | null;
  outcome: string;
  code: string | null;
  operationType: string | null;
}
interface AuditPage {
  nodes: AuditView[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

const auditLogQuery = `
  query ($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      nodes { id occurredAt subject outcome code operationType }
      pageInfo { endCursor hasNextPage hasPreviousPage }
    }
  }
`;

/** Reads the log; `token` null sends none. */
function auditLog(args: Record<string, unknown>, token: string | null = adminToken) {
  return graphql<{ auditLog: AuditPage }>(service.url, auditLogQuery, args, token ?? undefined);
}

/** The ids of every entry matching `filter`, walking the pages `first` at a time. */
async function allIds(filter: Record<string, unknown>, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await auditLog({ filter, first, after });
    expect(result.body.errors).toBeUndefined();
    const page = result.body.data?.auditLog;
    if (!page) throw new Error('auditLog returned no page');
    ids.push(...page.nodes.map((node) => node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

describe('the audit log on real Postgres', () => {
  it('stores a batch the gateway sends, and an admin reads it back', async () => {
    const refused = entry({
      subject: null,
      roles: [],
      operationType: null,
      operationName: null,
      outcome: 'REFUSED',
      code: 'GRAPHQL_PARSE_FAILED',
      httpStatus: 400,
      clientIp: '10.9.9.9',
    });
    const result = await record([refused]);
    expect(result.body).toEqual({ data: { recordAuditEntries: 1 } });

    const page = await auditLog({ filter: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(page.body.data?.auditLog.nodes).toEqual([
      {
        id: refused.id,
        occurredAt: refused.occurredAt,
        subject: null,
        outcome: 'REFUSED',
        code: 'GRAPHQL_PARSE_FAILED',
        operationType: null,
      },
    ]);
  });

  it('inserts a retried batch once', async () => {
    const batch = [entry({ subject: 'retried' }), entry({ subject: 'retried' })];
    expect((await record(batch)).body.data?.recordAuditEntries).toBe(2);
    expect((await record(batch)).body.data?.recordAuditEntries).toBe(0);
    expect(await allIds({ subject: 'retried' }, 50)).toHaveLength(2);
  });

  it.each([
    ['anonymous', async () => null, 'UNAUTHENTICATED'],
    ['an admin user', async () => adminToken, 'FORBIDDEN'],
    ['another service', async () => signServiceToken(testJwtSecret, 'agents'), 'FORBIDDEN'],
    [
      'a service token signed with another secret',
      async () => signServiceToken('some-other-secret-0123456789', 'gateway'),
      'UNAUTHENTICATED',
    ],
  ])('refuses writes from %s', async (_caller, token, code) => {
    const forged = entry({ subject: 'forged' });
    const result = await record([forged], await token());
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(await allIds({ subject: 'forged' }, 50)).toEqual([]);
  });

  it('refuses a service token for the public queries', async () => {
    const result = await auditLog({}, gatewayToken);
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each([
    [
      'an oversized batch',
      () => Array.from({ length: 501 }, () => entry()),
      'AUDIT_BATCH_TOO_LARGE',
    ],
    ['an oversized document', () => [entry({ document: 'x'.repeat(4097) })], 'INVALID_AUDIT_ENTRY'],
    ['a malformed hash', () => [entry({ documentSha256: 'abc' })], 'INVALID_AUDIT_ENTRY'],
    ['a non-UUID id', () => [entry({ id: 'entry-1' })], 'INVALID_AUDIT_ENTRY'],
  ])('refuses %s whole, with BAD_USER_INPUT', async (_case, batch, reason) => {
    const entries = batch().map((e) => ({ ...e, subject: 'oversized' }));
    const result = await record(entries);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await allIds({ subject: 'oversized' }, 50)).toEqual([]);
  });

  it('filters by subject, outcome, code, operation type and time, newest first', async () => {
    const subject = `filtered-${randomUUID()}`;
    const entries = [
      entry({ subject, occurredAt: at(100), outcome: 'OK' }),
      entry({ subject, occurredAt: at(101), outcome: 'ERROR', code: 'NOT_FOUND' }),
      entry({
        subject,
        occurredAt: at(102),
        outcome: 'REFUSED',
        code: 'MAX_DEPTH_EXCEEDED',
        operationType: 'QUERY',
      }),
      entry({ subject, occurredAt: at(103), outcome: 'REFUSED', code: 'RATE_LIMITED' }),
    ];
    await record(entries);
    const ids = entries.map((e) => e.id);

    expect(await allIds({ subject }, 50)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await allIds({ subject, outcome: 'REFUSED' }, 50)).toEqual([ids[3], ids[2]]);
    expect(await allIds({ subject, code: 'NOT_FOUND' }, 50)).toEqual([ids[1]]);
    expect(await allIds({ subject, operationType: 'QUERY' }, 50)).toEqual([ids[2]]);
    expect(await allIds({ subject, since: at(101), until: at(103) }, 50)).toEqual([ids[2], ids[1]]);
  });

  it('pages with a cursor: every entry once, in order, entries of one instant included', async () => {
    const subject = `paged-${randomUUID()}`;
    // Three share one instant: the id breaks the tie, so no page boundary loses or repeats one.
    const entries = [0, 1, 1, 1, 2, 3, 4].map((s) => entry({ subject, occurredAt: at(200 + s) }));
    await record(entries);
    const expected = (await allIds({ subject }, 500)).slice();
    expect(expected).toHaveLength(7);

    expect(await allIds({ subject }, 2)).toEqual(expected);
    const first = await auditLog({ filter: { subject }, first: 3 });
    expect(first.body.data?.auditLog.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const second = await auditLog({
      filter: { subject },
      first: 3,
      after: first.body.data?.auditLog.pageInfo.endCursor,
    });
    expect(second.body.data?.auditLog.pageInfo.hasPreviousPage).toBe(true);
    expect(second.body.data?.auditLog.nodes.map((n) => n.id)).toEqual(expected.slice(3, 6));
  });

  it.each([
    ['first above 500', { first: 501 }, 'PAGE_SIZE_OUT_OF_RANGE'],
    ['first of 0', { first: 0 }, 'PAGE_SIZE_OUT_OF_RANGE'],
    ['a cursor it did not issue', { after: 'bm90LWEtY3Vyc29y' }, 'INVALID_CURSOR'],
  ])('answers %s with BAD_USER_INPUT', async (_case, args, reason) => {
    const result = await auditLog(args);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it.each([
    ['anonymous', async () => null, 'UNAUTHENTICATED'],
    [
      'an executive',
      async () => signToken(testJwtSecret, { sub: 'eve', roles: [Role.EXECUTIVE] }),
      'FORBIDDEN',
    ],
  ])('refuses to show the log to %s', async (_caller, token, code) => {
    const result = await auditLog({}, await token());
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe(code);
  });

  it.each([
    ['UPDATE', `update metrics.audit_log set outcome = 'OK'`],
    ['UPDATE of no row', `update metrics.audit_log set outcome = 'OK' where false`],
    ['DELETE', 'delete from metrics.audit_log'],
    ['TRUNCATE', 'truncate metrics.audit_log'],
  ])('refuses %s in the database itself', async (_statement, statement) => {
    const before = await sql.query<{ count: string }>('select count(*) from metrics.audit_log');
    await expect(sql.query(statement)).rejects.toThrow(/append-only/);
    const after = await sql.query<{ count: string }>('select count(*) from metrics.audit_log');
    expect(after.rows[0]?.count).toBe(before.rows[0]?.count);
    expect(Number(after.rows[0]?.count)).toBeGreaterThan(0);
  });
});
