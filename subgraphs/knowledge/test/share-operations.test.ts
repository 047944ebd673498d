import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  Role,
  UnavailableError,
  type Principal,
} from '@daena/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveShare, refuseShare, revokeShare } from '../src/operations/decide-share.js';
import { maintainKnowledge } from '../src/operations/maintenance.js';
import { dispatchRelay, retryDueRelays } from '../src/operations/relay-dispatch.js';
import { requestShare } from '../src/operations/request-share.js';
import type { ShareRuntime } from '../src/operations/share-runtime.js';
import { jwtFor } from '../src/schema/context.js';
import type { BorderRelay, RelayedMessage } from '../src/store/border-relay.js';
import { inWriteTransaction } from '../src/store/knowledge-graph.js';
import { claimDueRelays, type PendingRelay } from '../src/store/relay-outbox.js';
import {
  createEntries,
  entryInput,
  startKnowledgeStack,
  tokenFor,
  type KnowledgeStack,
} from './knowledge-stack.js';

/**
 * The share operations against a real Neo4j, with agents' `relayBorderMessage` stood in for by a
 * relay the tests can make unavailable or refuse (the gateway e2e runs the real one): the outbox
 * that sends share messages only after the commit and retries them, the refusal that travels
 * back, one open share per (entry, department) under concurrency, and the change retention.
 */
class TestRelay implements BorderRelay {
  readonly sent: Parameters<BorderRelay['send']>[0][] = [];
  /** The idempotency key of every attempt, carried or not. */
  readonly keys: string[] = [];
  failWith: Error | null = null;
  /** Runs before each send, while the operation waits for it. */
  beforeSend: ((body: string) => Promise<void>) | null = null;

  async send(message: TestRelay['sent'][number]): Promise<RelayedMessage> {
    await this.beforeSend?.(message.body);
    this.keys.push(message.idempotencyKey);
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
    return {
      messageId: randomUUID(),
      fromAgentId: `${message.fromDepartmentSlug}-border`,
      toAgentId: `${message.toDepartmentSlug}-border`,
      relayAgentIds: [`relay-${this.sent.length}`],
    };
  }
}

let stack: KnowledgeStack;
let runtime: ShareRuntime;
const relay = new TestRelay();
const analyst: Principal = {
  sub: 'fin-1',
  roles: [Role.AGENT],
  department: 'finance',
  token: null,
};
const lead: Principal = { ...analyst, sub: 'fin-lead', roles: [Role.DEPARTMENT_LEAD] };
const as = (principal: Principal) => [principal, jwtFor(principal) ?? null] as const;
const toLegal = { department: { slug: 'legal' }, reason: 'Legal reviews it' };

beforeAll(async () => {
  // No maintenance rounds of the service's own: the tests run them, at the time they choose.
  // The first writes plan large generated statements, slow on a cold Neo4j and a busy machine.
  stack = await startKnowledgeStack({
    KNOWLEDGE_MAINTENANCE_INTERVAL_MS: '0',
    GRAPHQL_DEADLINE_MS: '120000',
  });
  runtime = { driver: stack.driver, relay, relayRetryMs: 1_000 };
  // Plans the create once here, so no test's own time goes into it.
  await createEntry();
});

afterAll(async () => {
  await stack?.close();
});

async function createEntry(accessLevel = 'CONFIDENTIAL'): Promise<string> {
  const token = await tokenFor({ sub: 'fin-1', roles: [Role.AGENT], department: 'finance' });
  const { body } = await stack.call<{
    createKnowledgeEntries: { knowledgeEntries: { id: string }[] };
  }>(createEntries, { input: [entryInput({ accessLevel: accessLevel as 'CONFIDENTIAL' })] }, token);
  return body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id ?? '';
}

async function count(statement: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await stack.cypher<{ n: unknown }>(statement, params);
  return Number(row?.n);
}

const sharesOf = (entryId: string) =>
  count('MATCH (s:KnowledgeShare {entryId: $entryId}) RETURN count(s) AS n', { entryId });
/** The share's messages still waiting to be carried. */
const outbox = (shareId: string) =>
  count('MATCH (r:KnowledgeRelay {shareId: $shareId, failed: false}) RETURN count(r) AS n', {
    shareId,
  });
const sentAbout = (id: string) => relay.sent.filter((message) => message.body.includes(id));
const storedShare = async (id: string) =>
  (
    await stack.cypher<{ share: Record<string, unknown> }>(
      'MATCH (s:KnowledgeShare {id: $id}) RETURN properties(s) AS share',
      { id },
    )
  )[0]?.share;

describe('share messages go out after the commit', () => {
  it('sends a request only once its share is committed, and records the message on it', async () => {
    const entryId = await createEntry();
    const committed: number[] = [];
    relay.beforeSend = async () => {
      // Another session sees the share: the call to agents waits for no open transaction.
      committed.push(await sharesOf(entryId));
    };
    try {
      const share = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
      expect(committed).toEqual([1]);
      expect(share).toMatchObject({
        status: 'PENDING',
        ownerBorderAgentId: 'finance-border',
        relayAgentIds: [`relay-${relay.sent.length}`],
      });
      expect(share.requestMessageId).toEqual(expect.any(String));
      expect(await outbox(share.id)).toBe(0);
    } finally {
      relay.beforeSend = null;
    }
  });

  it('keeps a request agents could not take, and the retry sends it when agents is back', async () => {
    const entryId = await createEntry();
    relay.failWith = new UnavailableError('agents is down', 'AGENTS_UNAVAILABLE');
    const share = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    expect(share).toMatchObject({ status: 'PENDING', requestMessageId: null });
    expect(await outbox(share.id)).toBe(1);
    relay.failWith = null;
    // Not due yet: the retry leaves it alone.
    await retryDueRelays(runtime, { now: new Date(), limit: 10 });
    expect(sentAbout(share.id)).toEqual([]);
    await retryDueRelays(runtime, { now: new Date(Date.now() + 60_000), limit: 10 });
    expect(sentAbout(share.id)).toHaveLength(1);
    expect((await storedShare(share.id))?.['requestMessageId']).toEqual(expect.any(String));
    expect(await outbox(share.id)).toBe(0);
  });

  it('sends a message again under the same key, so agents carries it once', async () => {
    const entryId = await createEntry();
    relay.failWith = new UnavailableError('agents is down', 'AGENTS_UNAVAILABLE');
    const attempts = relay.keys.length;
    const share = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    relay.failWith = null;
    await retryDueRelays(runtime, { now: new Date(Date.now() + 60_000), limit: 10 });
    const [first, second] = relay.keys.slice(attempts);
    expect(sentAbout(share.id)).toHaveLength(1);
    expect(second).toBe(first);
    // The key is the outbox record's id, unique to this message.
    expect(relay.keys.filter((key) => key === first)).toHaveLength(2);
  });

  it('undoes a request agents refuses for good: the typed error, and nothing kept', async () => {
    const entryId = await createEntry();
    const relays = () => count('MATCH (r:KnowledgeRelay) RETURN count(r) AS n');
    const before = await relays();
    relay.failWith = new NotFoundError('Department', 'legal');
    try {
      await expect(
        requestShare(runtime, ...as(analyst), { entryId, ...toLegal }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'DEPARTMENT_NOT_FOUND' });
    } finally {
      relay.failWith = null;
    }
    expect(await sharesOf(entryId)).toBe(0);
    expect(await relays()).toBe(before);
  });
});

describe('deciding', () => {
  it('sends a refusal back to the requesting department through the Border Agents', async () => {
    const entryId = await createEntry();
    const pending = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    const refused = await refuseShare(runtime, ...as(lead), pending.id, 'Not before the audit');
    expect(relay.sent.at(-1)).toEqual({
      fromDepartmentSlug: 'finance',
      toDepartmentSlug: 'legal',
      body: expect.stringContaining(pending.id) as unknown as string,
      idempotencyKey: expect.any(String) as unknown as string,
    });
    expect(relay.sent.at(-1)?.body).toContain('Not before the audit');
    expect(refused).toMatchObject({ status: 'REFUSED', copyId: null });
    expect(refused.deliveryMessageId).toEqual(expect.any(String));
    expect(refused.relayAgentIds).toHaveLength(2);
    // Refused, the pair may be asked for again.
    const again = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    expect(again.status).toBe('PENDING');
  });

  it('keeps an approval whose copy agents could not carry yet, and delivers it on retry', async () => {
    const entryId = await createEntry();
    const pending = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    relay.failWith = new UnavailableError('agents is down', 'AGENTS_UNAVAILABLE');
    const approved = await approveShare(runtime, ...as(lead), pending.id);
    relay.failWith = null;
    expect(approved).toMatchObject({ status: 'APPROVED', deliveryMessageId: null });
    const copies = 'MATCH (c:KnowledgeEntry {id: $id}) RETURN count(c) AS n';
    expect(await count(copies, { id: approved.copyId })).toBe(1);
    await retryDueRelays(runtime, { now: new Date(Date.now() + 60_000), limit: 10 });
    expect(sentAbout(approved.copyId ?? 'no copy')).toHaveLength(1);
    expect((await storedShare(approved.id))?.['deliveryMessageId']).toEqual(expect.any(String));
  });

  it('keeps an answer agents refuses for good as a failed message, and never resends it', async () => {
    const entryId = await createEntry();
    const pending = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    relay.failWith = new ConflictError('legal has no Border Agent', 'NO_BORDER_AGENT');
    try {
      const refused = await refuseShare(runtime, ...as(lead), pending.id, null);
      expect(refused).toMatchObject({ status: 'REFUSED', deliveryMessageId: null });
    } finally {
      relay.failWith = null;
    }
    const [failed] = await stack.cypher<{ lastError: string }>(
      `MATCH (r:KnowledgeRelay {shareId: $id, failed: true}) RETURN r.lastError AS lastError`,
      { id: pending.id },
    );
    expect(failed?.lastError).toBe('legal has no Border Agent');
    const sent = relay.sent.length;
    await retryDueRelays(runtime, { now: new Date(Date.now() + 86_400_000), limit: 10 });
    expect(relay.sent).toHaveLength(sent);
  });

  it('never carries the copy of a share revoked while its message waited in the outbox', async () => {
    const entryId = await createEntry();
    const pending = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    relay.failWith = new UnavailableError('agents is down', 'AGENTS_UNAVAILABLE');
    const approved = await approveShare(runtime, ...as(lead), pending.id);
    relay.failWith = null;
    expect(await outbox(pending.id)).toBe(1);
    const revoked = await revokeShare(runtime, ...as(lead), pending.id, 'Sent too early');
    expect(revoked).toMatchObject({ status: 'REVOKED', deliveryMessageId: null });
    expect(await outbox(pending.id)).toBe(0);
    await retryDueRelays(runtime, { now: new Date(Date.now() + 86_400_000), limit: 10 });
    expect(sentAbout(approved.copyId ?? 'no copy')).toEqual([]);
    expect((await storedShare(pending.id))?.['deliveryMessageId']).toBeUndefined();
  });

  it('does not send a message claimed for a retry when its share is revoked before it goes', async () => {
    const entryId = await createEntry();
    const pending = await requestShare(runtime, ...as(analyst), { entryId, ...toLegal });
    relay.failWith = new UnavailableError('agents is down', 'AGENTS_UNAVAILABLE');
    const approved = await approveShare(runtime, ...as(lead), pending.id);
    relay.failWith = null;
    // A retry round claimed the delivery (other shares' messages too), then the revoke came.
    const claimed = await inWriteTransaction(stack.driver, async (tx) => ({
      commit: true,
      value: await claimDueRelays(tx, {
        now: new Date(Date.now() + 86_400_000),
        limit: 100,
        leaseMs: 1_000,
      }),
    }));
    const delivery = claimed.find((queued) => queued.shareId === pending.id);
    expect(delivery?.purpose).toBe('DELIVERY');
    await revokeShare(runtime, ...as(lead), pending.id, null);
    expect(await dispatchRelay(runtime, delivery as PendingRelay)).toBeNull();
    expect(sentAbout(approved.copyId ?? 'no copy')).toEqual([]);
  });

  it('writes one share when two requests for the same entry and department race', async () => {
    const entryId = await createEntry();
    const results = await Promise.allSettled([
      requestShare(runtime, ...as(analyst), { entryId, ...toLegal }),
      requestShare(runtime, ...as(lead), { entryId, ...toLegal }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT', reason: 'SHARE_EXISTS' });
    expect(await sharesOf(entryId)).toBe(1);
    // However the two interleave, the store itself holds one open share per pair.
    await expect(
      stack.cypher(
        `MATCH (open:KnowledgeShare {entryId: $entryId}) CREATE (:KnowledgeShare {openKey: open.openKey})`,
        { entryId },
      ),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
  });
});

describe('change retention', () => {
  it('deletes change records beyond the age and the count, oldest first', async () => {
    const now = new Date();
    const day = 86_400_000;
    const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
    await stack.cypher(
      `UNWIND $records AS record
       CREATE (:KnowledgeChange {id: record.id, change: 'CREATED', entryId: 'gone',
         departmentSlug: 'finance', accessLevel: 'CONFIDENTIAL', sharedWithDepartments: [],
         ownerId: 'fin-1', at: datetime(record.at)})`,
      {
        records: [
          ...[40, 35, 31].map((days) => ({ id: `old-${days}`, at: at(days * day) })),
          ...[3, 2, 1].map((days) => ({ id: `recent-${days}`, at: at(days * day) })),
        ],
      },
    );
    const total = await count('MATCH (c:KnowledgeChange) RETURN count(c) AS n');
    // Keep all but the three old ones and the two oldest recent ones.
    const retention = { maxAgeDays: 30, maxCount: total - 5 };
    const outcome = await maintainKnowledge({ ...runtime, retention }, now);
    expect(outcome.pruned).toBe(5);
    const left = await stack.cypher<{ id: string }>(
      "MATCH (c:KnowledgeChange) WHERE c.id STARTS WITH 'old-' OR c.id STARTS WITH 'recent-' RETURN c.id AS id",
    );
    expect(left.map((row) => row.id)).toEqual(['recent-1']);
    // Within bounds now: a second round deletes nothing.
    expect((await maintainKnowledge({ ...runtime, retention }, now)).pruned).toBe(0);
  });
});
