import { Role } from '@daena/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  entryInput,
  startKnowledgeStack,
  tokenFor,
  type KnowledgeStack,
} from './knowledge-stack.js';

/*
 * Issue 15: an agent whose worker died after its create committed sends the create again under
 * the same idempotency key; knowledge answers with the entry the first one made, and writes no
 * second entry. Real Neo4j.
 */
let stack: KnowledgeStack;
let finance: string;
let legal: string;

beforeAll(async () => {
  stack = await startKnowledgeStack();
  finance = await tokenFor({ sub: 'finance-scout', roles: [Role.AGENT], department: 'finance' });
  legal = await tokenFor({ sub: 'legal-scout', roles: [Role.AGENT], department: 'legal' });
});
afterAll(() => stack?.close());

const create = `mutation ($input: [KnowledgeEntryCreateInput!]!) {
  createKnowledgeEntries(input: $input) { knowledgeEntries { id } }
}`;
type Created = { createKnowledgeEntries: { knowledgeEntries: { id: string }[] } };

describe('a create under an idempotency key', () => {
  it('is made once: sent again, it names the first entry and writes nothing', async () => {
    const input = entryInput({ title: 'Run 7 step 3 digest' });
    const key = 'run-7:3';
    const first = await stack.call<Created>(
      create,
      { input: [{ ...input, idempotencyKey: key }] },
      finance,
    );
    expect(first.body.errors).toBeUndefined();
    const id = first.body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
    expect(id).toBeTruthy();

    const again = await stack.call<Created>(
      create,
      { input: [{ ...input, body: 'A second try', idempotencyKey: key }] },
      finance,
    );
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REPEATED',
      details: { entryId: id },
    });
    expect(await stack.countEntriesTitled(input.title)).toBe(1);
    expect(await stack.storedEntry(id ?? '')).toMatchObject({ body: input.body });

    // Keys are the caller's own: another caller's create under the same key is its own entry.
    const other = await stack.call<Created>(
      create,
      { input: [{ ...input, departmentSlug: 'legal', idempotencyKey: key }] },
      legal,
    );
    expect(other.body.errors).toBeUndefined();
    expect(await stack.countEntriesTitled(input.title)).toBe(2);
  });

  it('refuses one key twice in a batch, and keys out of bounds, writing nothing', async () => {
    const title = 'Batch under one key';
    const twice = await stack.call(
      create,
      {
        input: [
          { ...entryInput({ title }), idempotencyKey: 'batch-1' },
          { ...entryInput({ title }), idempotencyKey: 'batch-1' },
        ],
      },
      finance,
    );
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REPEATED',
    });
    for (const key of ['', 'k'.repeat(201)]) {
      const bad = await stack.call(
        create,
        { input: [{ ...entryInput({ title }), idempotencyKey: key }] },
        finance,
      );
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'IDEMPOTENCY_KEY',
      });
    }
    expect(await stack.countEntriesTitled(title)).toBe(0);
  });

  it('is never read back', async () => {
    const read = await stack.call('{ knowledgeEntries(limit: 1) { idempotencyKey } }', {}, finance);
    expect(read.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
