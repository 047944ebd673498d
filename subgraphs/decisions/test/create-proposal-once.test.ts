import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeOf,
  createProposalMutation,
  openDraftMutation,
  type OpenedProposal,
} from './operations.js';
import { startStack, type Stack } from './stack.js';

/*
 * Issue 15: `createProposal` under an idempotency key makes one proposal per creator and key. A
 * caller that lost the answer (an agent's worker killed after decisions committed the draft, but
 * before it recorded the id) sends the same create again and gets the first proposal back; the
 * same key with another request is refused; racing creates store one proposal. Real Postgres and
 * the real agents service.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

type Created = { createProposal: OpenedProposal };

const create = (input: Record<string, unknown>, token: string) =>
  stack.call<Created>(createProposalMutation, { input }, token);

/** A draft request of the engineering department, as its lead sends it. */
const draftOf = (title: string, idempotencyKey?: string | null) => ({
  title,
  departmentId: stack.department('engineering').id,
  kind: 'QUALITY',
  risk: 0.4,
  ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
});

/** Rows of every table and how many events went out: what a repeat must leave unchanged. */
async function written() {
  const [ledger] = await stack.sql<{ n: number }>(
    'select count(*)::int as n from decisions.ledger',
  );
  return { ...(await stack.counts()), ledger: ledger?.n, events: stack.events.all.length };
}

describe('createProposal under an idempotency key', () => {
  it('answers a repeat with the first proposal, whatever its status now, and writes nothing', async () => {
    const lead = await stack.tokens.lead('engineering');
    const first = await create(draftOf('Flaky tests block merges', 'run-1:3'), lead);
    expect(first.body.errors).toBeUndefined();
    const draft = first.body.data?.createProposal as OpenedProposal;
    expect(draft.status).toBe('DRAFT');
    const opened = await stack.call(openDraftMutation, { id: draft.id }, lead);
    expect(opened.body.errors).toBeUndefined();

    const before = await written();
    const again = await create(draftOf('Flaky tests block merges', 'run-1:3'), lead);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.createProposal).toMatchObject({ id: draft.id, status: 'OPEN' });
    expect(await written()).toEqual(before);
  });

  it('refuses the key with another request, naming the first proposal, and writes nothing', async () => {
    const lead = await stack.tokens.lead('engineering');
    const first = await create(draftOf('Nightly builds', 'run-2:3'), lead);
    const id = first.body.data?.createProposal.id;
    expect(id).toEqual(expect.any(String));

    const before = await written();
    const reused = await create(draftOf('Hourly builds', 'run-2:3'), lead);
    expect(codeOf(reused)).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REPEATED',
      details: { proposalId: id },
    });
    expect(reused.body.data?.createProposal ?? null).toBeNull();
    expect(await written()).toEqual(before);
  });

  it('stores one proposal for five creates racing under one key, and answers each with it', async () => {
    const agentId = stack.department('engineering').agents.find((a) => a.role === 'SYNTHESIZER')
      ?.id as string;
    const token = await stack.tokens.agent(agentId);
    const before = await written();
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => create(draftOf('One lint config', 'run-3:5'), token)),
    );

    for (const result of racing) expect(result.body.errors).toBeUndefined();
    const ids = new Set(racing.map((result) => result.body.data?.createProposal.id));
    expect(ids.size).toBe(1);
    const stored = await stack.sql<{ id: string }>(
      'select id from decisions.proposals where created_by = $1 and idempotency_key = $2',
      [agentId, 'run-3:5'],
    );
    expect(stored.map((row) => row.id)).toEqual([...ids]);
    // One draft with its transition, two ledger entries (created, transition) and one
    // announcement: the creates that lost wrote nothing.
    expect(await written()).toMatchObject({
      proposals: before.proposals + 1,
      transitions: before.transitions + 1,
      ledger: (before.ledger ?? 0) + 2,
      events: before.events + 1,
    });
  });

  it('keeps keys apart per creator: two people using one key make two proposals', async () => {
    const lead = await stack.tokens.lead('engineering');
    const executive = await stack.tokens.executiveNamed('exec-keys');
    const byLead = await create(draftOf('Shared key', 'step-1'), lead);
    const byExecutive = await create(draftOf('Shared key', 'step-1'), executive);
    expect(byLead.body.errors).toBeUndefined();
    expect(byExecutive.body.errors).toBeUndefined();
    expect(byExecutive.body.data?.createProposal.id).not.toBe(byLead.body.data?.createProposal.id);
  });

  it('creates anew each time without a key, as before', async () => {
    const lead = await stack.tokens.lead('engineering');
    const before = await written();
    const one = await create(draftOf('No key', null), lead);
    const two = await create(draftOf('No key'), lead);
    expect(one.body.data?.createProposal.id).not.toBe(two.body.data?.createProposal.id);
    expect((await written()).proposals).toBe(before.proposals + 2);
  });

  it.each(['', ' ', 'k'.repeat(201)])(
    'refuses the malformed key %j and writes nothing',
    async (key) => {
      const lead = await stack.tokens.lead('engineering');
      const before = await written();
      const refused = await create(draftOf('Bad key', key), lead);
      expect(codeOf(refused)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'IDEMPOTENCY_KEY',
        details: { field: 'idempotencyKey', max: 200 },
      });
      expect(await written()).toEqual(before);
    },
  );
});
