import { Role } from '@daena/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEntries,
  entryInput,
  startKnowledgeStack,
  tokenFor,
  type EntryInput,
  type KnowledgeStack,
} from './knowledge-stack.js';

type Created = { createKnowledgeEntries: { knowledgeEntries: { id: string }[] } };

let stack: KnowledgeStack;
const tokens = {} as Record<'finance' | 'financeLead' | 'legal', string>;

beforeAll(async () => {
  stack = await startKnowledgeStack();
  tokens.finance = await tokenFor({ sub: 'fin-1', roles: [Role.AGENT], department: 'finance' });
  tokens.financeLead = await tokenFor({
    sub: 'fin-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'finance',
  });
  tokens.legal = await tokenFor({ sub: 'legal-1', roles: [Role.AGENT], department: 'legal' });
});

afterAll(async () => {
  await stack?.close();
});

async function create(
  input: Partial<EntryInput> & Record<string, unknown>,
  token = tokens.finance,
) {
  const response = await stack.call<Created>(createEntries, { input: [entryInput(input)] }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id as string;
}

const classified = `query One($id: ID!) {
  knowledgeEntries(where: { id: { eq: $id } }) {
    kind accessLevel suggestedAccessLevel personalData accessOverrideReason version
  }
}`;

describe('classification on write', () => {
  it('finds personal data, suggests a level and infers the kind', async () => {
    const id = await create({
      title: 'Payroll procedure',
      body: 'First collect the slips, then mail ana@example.com. Salary of Ana: €4,200 a month.',
      accessLevel: 'PERSONAL',
    });
    const { body } = await stack.call(classified, { id }, tokens.finance);
    expect(body.data).toEqual({
      knowledgeEntries: [
        {
          kind: 'PROCEDURE',
          accessLevel: 'PERSONAL',
          suggestedAccessLevel: 'PERSONAL',
          personalData: ['EMAIL', 'SALARY'],
          accessOverrideReason: null,
          version: 1,
        },
      ],
    });
  });

  it('refuses a less strict level without a reason, and records the reason given', async () => {
    const input = {
      title: 'Supplier contacts',
      body: 'Call Bob on +44 20 7946 0958 for invoices.',
      accessLevel: 'PUBLIC' as const,
    };
    const refused = await stack.call(createEntries, { input: [entryInput(input)] }, tokens.finance);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ACCESS_OVERRIDE_REASON_REQUIRED',
    });
    expect(await stack.countEntriesTitled(input.title)).toBe(0);
    const id = await create({ ...input, accessOverrideReason: 'The switchboard number is public' });
    const { body } = await stack.call(classified, { id });
    expect(body.data).toMatchObject({
      knowledgeEntries: [
        {
          accessLevel: 'PUBLIC',
          suggestedAccessLevel: 'CONFIDENTIAL',
          personalData: ['PHONE'],
          accessOverrideReason: 'The switchboard number is public',
        },
      ],
    });
  });
});

describe('relations and search', () => {
  const related = `query Related($id: ID!, $depth: Int!) { relatedKnowledge(id: $id, depth: $depth) { title } }`;
  const search = `query Search($phrase: String!) {
    searchKnowledge(phrase: $phrase) { edges { score node { title } } }
  }`;
  let ids: Record<'a' | 'b' | 'c' | 'secret', string>;

  beforeAll(async () => {
    // a ~ b ~ c by shared words; the secret entry relates to a but is CONFIDENTIAL to finance.
    ids = {
      a: await create({
        title: 'Kestrel invoice approval',
        body: 'Kestrel invoices need two approvals.',
        accessLevel: 'PUBLIC',
      }),
      b: await create({
        title: 'Kestrel approvals audit',
        body: 'Audit of approvals and the zephyr ledger.',
        accessLevel: 'PUBLIC',
      }),
      c: await create({
        title: 'Zephyr ledger close',
        body: 'Closing the zephyr ledger monthly.',
        accessLevel: 'PUBLIC',
      }),
      secret: await create({
        title: 'Kestrel invoice fraud case',
        body: 'Kestrel invoice approvals were forged.',
        accessLevel: 'CONFIDENTIAL',
      }),
    };
  });

  it('links a new entry to similar ones with a strength in (0, 1] and a reason', async () => {
    const { body } = await stack.call<{
      knowledgeEntries: {
        relatedConnection: {
          edges: { properties: { strength: number; reason: string }; node: { title: string } }[];
        };
      }[];
    }>(
      `query($id: ID!) { knowledgeEntries(where: { id: { eq: $id } }) {
        relatedConnection { edges { properties { strength reason } node { title } } } } }`,
      { id: ids.b },
      tokens.finance,
    );
    const edges = body.data?.knowledgeEntries[0]?.relatedConnection.edges ?? [];
    expect(edges.map((edge) => edge.node.title).sort()).toEqual(
      ['Kestrel invoice approval', 'Kestrel invoice fraud case', 'Zephyr ledger close'].sort(),
    );
    for (const { properties } of edges) {
      expect(properties.strength).toBeGreaterThan(0);
      expect(properties.strength).toBeLessThanOrEqual(1);
      expect(properties.reason).toMatch(/^full-text BM25: /);
    }
  });

  it('walks two hops within the caller’s access', async () => {
    const insider = await stack.call<{ relatedKnowledge: { title: string }[] }>(
      related,
      { id: ids.a, depth: 2 },
      tokens.finance,
    );
    const outsider = await stack.call<{ relatedKnowledge: { title: string }[] }>(
      related,
      { id: ids.a, depth: 2 },
      tokens.legal,
    );
    const oneHop = await stack.call<{ relatedKnowledge: { title: string }[] }>(related, {
      id: ids.c,
      depth: 1,
    });
    const titles = (r: typeof insider) =>
      (r.body.data?.relatedKnowledge ?? []).map((e) => e.title).sort();
    expect(titles(insider)).toContain('Kestrel invoice fraud case');
    expect(titles(insider)).toContain('Zephyr ledger close');
    expect(titles(outsider)).toContain('Zephyr ledger close');
    expect(titles(outsider)).not.toContain('Kestrel invoice fraud case');
    expect(titles(oneHop)).toEqual(['Kestrel approvals audit']);
  });

  it('ranks search hits by relevance and never returns what the caller may not read', async () => {
    const asFinance = await stack.call<{
      searchKnowledge: { edges: { score: number; node: { title: string } }[] };
    }>(search, { phrase: 'kestrel invoice' }, tokens.finance);
    const asLegal = await stack.call<{
      searchKnowledge: { edges: { score: number; node: { title: string } }[] };
    }>(search, { phrase: 'kestrel invoice' }, tokens.legal);
    const financeHits = asFinance.body.data?.searchKnowledge.edges ?? [];
    const scores = financeHits.map((edge) => edge.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(financeHits.map((edge) => edge.node.title)).toContain('Kestrel invoice fraud case');
    expect(asLegal.body.data?.searchKnowledge.edges.map((edge) => edge.node.title)).not.toContain(
      'Kestrel invoice fraud case',
    );
  });

  it.each([
    ['an empty phrase', '', 'SEARCH_PHRASE_EMPTY'],
    ['punctuation only', '*:* ~ ^ "', 'SEARCH_PHRASE_EMPTY'],
    ['an oversize phrase', 'x'.repeat(201), 'SEARCH_PHRASE_LENGTH'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, phrase, reason) => {
    const { body } = await stack.call(search, { phrase }, tokens.finance);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('reads Lucene and Cypher syntax in a phrase as plain words', async () => {
    const phrases = [
      'title:kestrel OR accessLevel:CONFIDENTIAL',
      'kestrel") YIELD node RETURN node //',
      "kestrel' OR 1=1 MATCH (n) DETACH DELETE n //",
      'fraud~ AND forged* [a TO z]',
    ];
    for (const phrase of phrases) {
      const { body } = await stack.call<{
        searchKnowledge: { edges: { node: { title: string } }[] };
      }>(search, { phrase }, tokens.legal);
      expect(body.errors).toBeUndefined();
      expect(body.data?.searchKnowledge.edges.map((e) => e.node.title)).not.toContain(
        'Kestrel invoice fraud case',
      );
    }
    expect(await stack.countEntriesTitled('Kestrel invoice approval')).toBe(1);
  });

  it('refuses a walk deeper than 3 hops', async () => {
    const { body } = await stack.call(related, { id: ids.a, depth: 4 }, tokens.finance);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPTH' });
  });
});

describe('versions', () => {
  const revise = `mutation Revise($id: ID!, $body: String!) {
    updateKnowledgeEntries(where: { id: { eq: $id } }, update: { body: { set: $body } }) {
      knowledgeEntries { version body }
    }
  }`;
  const history = `query History($id: ID!) {
    knowledgeEntries(where: { id: { eq: $id } }) { version history { version body } }
  }`;

  it('keeps each earlier version, newest first, and reads the latest by default', async () => {
    const id = await create({ title: 'Close calendar', body: 'v1', accessLevel: 'CONFIDENTIAL' });
    await stack.call(revise, { id, body: 'v2' }, tokens.finance);
    const third = await stack.call(revise, { id, body: 'v3' }, tokens.financeLead);
    expect(third.body.data).toEqual({
      updateKnowledgeEntries: { knowledgeEntries: [{ version: 3, body: 'v3' }] },
    });
    const { body } = await stack.call(history, { id }, tokens.finance);
    expect(body.data).toEqual({
      knowledgeEntries: [
        {
          version: 3,
          history: [
            { version: 2, body: 'v2' },
            { version: 1, body: 'v1' },
          ],
        },
      ],
    });
    const asLegal = await stack.call<{ knowledgeVersions: unknown[] }>(
      `query($id: ID!) { knowledgeVersions(where: { entryId: { eq: $id } }) { version } }`,
      { id },
      tokens.legal,
    );
    expect(asLegal.body.data?.knowledgeVersions).toEqual([]);
  });

  it('writes no version when the update is refused or matches nothing', async () => {
    const id = await create({ title: 'Budget memo', body: 'v1', accessLevel: 'PUBLIC' });
    const foreign = await stack.call(revise, { id, body: 'hijacked' }, tokens.legal);
    const invisible = await stack.call(
      revise,
      { id: '00000000-0000-4000-8000-000000000000', body: 'x' },
      tokens.finance,
    );
    const withPii = await stack.call(
      revise,
      { id, body: 'IBAN DE89 3704 0044 0532 0130 00' },
      tokens.finance,
    );
    expect(foreign.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(invisible.body.data).toEqual({ updateKnowledgeEntries: { knowledgeEntries: [] } });
    expect(withPii.body.errors?.[0]?.extensions).toMatchObject({
      reason: 'ACCESS_OVERRIDE_REASON_REQUIRED',
    });
    const stored = await stack.storedEntry(id);
    expect([stored?.['body'], Number(stored?.['version'])]).toEqual(['v1', 1]);
    const { body } = await stack.call(history, { id }, tokens.finance);
    expect(body.data).toEqual({ knowledgeEntries: [{ version: 1, history: [] }] });
  });

  it('deletes the versions of a deleted entry', async () => {
    const id = await create({ title: 'Temporary note', body: 'v1', accessLevel: 'CONFIDENTIAL' });
    await stack.call(revise, { id, body: 'v2' }, tokens.finance);
    const versionsOf = async () =>
      (
        await stack.cypher<{ versions: number }>(
          'MATCH (v:KnowledgeVersion {entryId: $id}) RETURN count(v) AS versions',
          { id },
        )
      )[0]?.versions;
    expect(Number(await versionsOf())).toBe(1);
    const removed = await stack.call(
      `mutation($id: ID!) { deleteKnowledgeEntries(where: { id: { eq: $id } }) { nodesDeleted } }`,
      { id },
      tokens.finance,
    );
    expect(removed.body.data).toEqual({ deleteKnowledgeEntries: { nodesDeleted: 1 } });
    expect(Number(await versionsOf())).toBe(0);
  });

  it('refuses an update that is not by one id', async () => {
    const { body } = await stack.call(
      `mutation { updateKnowledgeEntries(where: { departmentSlug: { eq: "finance" } }, update: { body: { set: "x" } }) { info { nodesCreated } } }`,
      {},
      tokens.finance,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UPDATE_ONE_ENTRY',
    });
  });
});

describe('topics', () => {
  it('shows a topic to its department and to readers of an entry about it', async () => {
    const createWithTopic = (title: string, accessLevel: string, topic: string) =>
      create({
        title,
        accessLevel: accessLevel as EntryInput['accessLevel'],
        topics: { create: [{ node: { name: topic, departmentSlug: 'finance' } }] },
      });
    await createWithTopic('Audit plan', 'CONFIDENTIAL', 'audit-2027');
    await createWithTopic('Tax guide', 'PUBLIC', 'tax');
    const names = async (token?: string) => {
      const { body } = await stack.call<{ topics: { name: string }[] }>(
        '{ topics { name } }',
        {},
        token,
      );
      return (body.data?.topics ?? []).map((t) => t.name).sort();
    };
    expect(await names(tokens.finance)).toEqual(['audit-2027', 'tax']);
    expect(await names(tokens.legal)).toEqual(['tax']);
    expect(await names()).toEqual(['tax']);
  });

  it('refuses a topic in another department', async () => {
    const input = entryInput({ departmentSlug: 'legal' });
    const { body } = await stack.call(
      createEntries,
      {
        input: [
          { ...input, topics: { create: [{ node: { name: 'm&a', departmentSlug: 'finance' } }] } },
        ],
      },
      tokens.legal,
    );
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await stack.countEntriesTitled(input.title)).toBe(0);
  });
});

describe('bad input', () => {
  it('refuses an oversize body or topic name with BAD_USER_INPUT and writes nothing', async () => {
    const big = entryInput({ body: 'x'.repeat(20_001) });
    const topical = {
      ...entryInput(),
      topics: { create: [{ node: { name: 't'.repeat(65), departmentSlug: 'finance' } }] },
    };
    const tooBig = await stack.call(createEntries, { input: [big] }, tokens.finance);
    const badTopic = await stack.call(createEntries, { input: [topical] }, tokens.finance);
    expect(tooBig.body.errors?.[0]?.extensions).toMatchObject({ reason: 'BODY_LENGTH' });
    expect(badTopic.body.errors?.[0]?.extensions).toMatchObject({ reason: 'TOPIC_NAME' });
    expect(await stack.countEntriesTitled(big.title)).toBe(0);
    expect(await stack.countEntriesTitled(topical.title)).toBe(0);
  });

  it('answers an unknown id as it answers an entry the caller may not read: with nothing', async () => {
    const secret = await create({
      title: 'Hidden',
      body: 'payroll run',
      accessLevel: 'CONFIDENTIAL',
    });
    const unknown = '00000000-0000-4000-8000-000000000001';
    const walk = `query($id: ID!) { relatedKnowledge(id: $id, depth: 2) { id } }`;
    const asLegal = await stack.call(walk, { id: secret }, tokens.legal);
    const missing = await stack.call(walk, { id: unknown }, tokens.legal);
    expect(asLegal.body).toEqual({ data: { relatedKnowledge: [] } });
    expect(missing.body).toEqual(asLegal.body);
  });
});
