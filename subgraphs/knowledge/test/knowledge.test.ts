import { randomUUID } from 'node:crypto';
import { Role, type DomainEvent, type Principal } from '@daena/platform';
import { testJwtSecret } from '@daena/testing';
import { graphql } from 'graphql';
import { Events, type KnowledgeEntryChanged } from '@daena/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEntries,
  entryInput,
  listEntries,
  resolveEntities,
  startKnowledgeStack,
  tokenFor,
  type AccessLevel,
  type Entry,
  type KnowledgeStack,
} from './knowledge-stack.js';
import { createKnowledgeContext } from '../src/schema/context.js';
import { buildKnowledgeSchema } from '../src/service.js';

type Created = { createKnowledgeEntries: { knowledgeEntries: Entry[] } };
type Listed = { knowledgeEntries: { id: string; accessLevel: AccessLevel }[] };
type Entities = { _entities: ({ id: string; accessLevel: AccessLevel } | null)[] };

let stack: KnowledgeStack;
const tokens = {} as Record<'financeLead' | 'financeAnalyst' | 'legal' | 'admin', string>;
/** What the finance lead wrote in beforeAll, by name. */
const finance = {} as Record<
  'public' | 'restrictedToLegal' | 'restrictedToHr' | 'confidential' | 'personal',
  Entry
>;
let fixtureResponse: Awaited<ReturnType<KnowledgeStack['call']>>;

beforeAll(async () => {
  stack = await startKnowledgeStack();
  tokens.financeLead = await tokenFor({
    sub: 'finance-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'finance',
  });
  tokens.financeAnalyst = await tokenFor({
    sub: 'finance-analyst',
    roles: [Role.AGENT],
    department: 'finance',
  });
  tokens.legal = await tokenFor({ sub: 'legal-counsel', roles: [Role.AGENT], department: 'legal' });
  tokens.admin = await tokenFor({ sub: 'root', roles: [Role.ADMIN] });

  const inputs = [
    entryInput({ title: 'Finance public', accessLevel: 'PUBLIC' }),
    entryInput({
      title: 'Finance restricted to legal',
      accessLevel: 'RESTRICTED',
      sharedWithDepartments: ['legal'],
    }),
    entryInput({
      title: 'Finance restricted to HR',
      accessLevel: 'RESTRICTED',
      sharedWithDepartments: ['hr'],
    }),
    entryInput({ title: 'Finance confidential', accessLevel: 'CONFIDENTIAL' }),
    entryInput({ title: 'Finance personal', accessLevel: 'PERSONAL' }),
  ];
  fixtureResponse = await stack.call<Created>(createEntries, { input: inputs }, tokens.financeLead);
  const created = (fixtureResponse.body.data as Created | undefined)?.createKnowledgeEntries
    .knowledgeEntries;
  if (created?.length !== inputs.length) {
    throw new Error(`fixture create failed: ${JSON.stringify(fixtureResponse.body)}`);
  }
  [
    finance.public,
    finance.restrictedToLegal,
    finance.restrictedToHr,
    finance.confidential,
    finance.personal,
  ] = created as [Entry, Entry, Entry, Entry, Entry];
});

afterAll(async () => {
  await stack?.close();
});

async function visibleFixtureIds(token?: string): Promise<string[]> {
  const listed = await stack.call<Listed>(listEntries, {}, token);
  expect(listed.body.errors).toBeUndefined();
  const fixtureIds = new Set(Object.values(finance).map((entry) => entry.id));
  return (listed.body.data?.knowledgeEntries ?? [])
    .map((entry) => entry.id)
    .filter((id) => fixtureIds.has(id))
    .sort();
}

const ids = (...entries: Entry[]) => entries.map((entry) => entry.id).sort();

describe('writing entries', () => {
  it('lets a finance lead create an entry at each access level, owned by the caller', () => {
    expect(fixtureResponse.body.errors).toBeUndefined();
    for (const entry of Object.values(finance)) {
      expect(entry).toMatchObject({ departmentSlug: 'finance', ownerId: 'finance-lead' });
      expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(entry.createdAt)).not.toBeNaN();
    }
    expect(Object.values(finance).map((entry) => entry.accessLevel)).toEqual([
      'PUBLIC',
      'RESTRICTED',
      'RESTRICTED',
      'CONFIDENTIAL',
      'PERSONAL',
    ]);
  });

  it('refuses an entry for another department with FORBIDDEN and writes nothing', async () => {
    const input = entryInput({ departmentSlug: 'finance' });
    const response = await stack.call(createEntries, { input: [input] }, tokens.legal);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(response.body.data ?? null).toBeNull();
    expect(await stack.countEntriesTitled(input.title)).toBe(0);
  });

  it('refuses an anonymous create with UNAUTHENTICATED and writes nothing', async () => {
    const input = entryInput();
    const response = await stack.call(createEntries, { input: [input] });
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await stack.countEntriesTitled(input.title)).toBe(0);
  });

  it('refuses a 201-character title with BAD_USER_INPUT and writes nothing', async () => {
    const input = entryInput({ title: 'x'.repeat(201) });
    const response = await stack.call(createEntries, { input: [input] }, tokens.financeLead);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TITLE_LENGTH',
    });
    expect(await stack.countEntriesTitled(input.title)).toBe(0);
  });

  it("keeps other departments from editing, moving or deleting a department's entry", async () => {
    const input = entryInput({ title: 'Travel policy', accessLevel: 'PUBLIC' });
    const created = await stack.call<Created>(
      createEntries,
      { input: [input] },
      tokens.financeLead,
    );
    const id = created.body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id as string;
    const move = `mutation Move($id: ID!) {
      updateKnowledgeEntries(where: { id: { eq: $id } },
        update: { departmentSlug: { set: "legal" }, title: { set: "Taken" } }) { info { nodesCreated } }
    }`;
    const remove = `mutation Remove($id: ID!) {
      deleteKnowledgeEntries(where: { id: { eq: $id } }) { nodesDeleted }
    }`;
    const moved = await stack.call(move, { id }, tokens.legal);
    const removed = await stack.call(remove, { id }, tokens.legal);
    expect(moved.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(removed.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await stack.storedEntry(id)).toMatchObject({
      title: 'Travel policy',
      departmentSlug: 'finance',
    });
  });

  it('lets the owning department update an entry without changing its owner', async () => {
    const draft = entryInput({ title: 'Quarterly close checklist' });
    const created = await stack.call<Created>(
      createEntries,
      { input: [draft] },
      tokens.financeLead,
    );
    const id = created.body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
    const update = `mutation Update($id: ID!) {
      updateKnowledgeEntries(where: { id: { eq: $id } }, update: { title: { set: "Close checklist v2" } }) {
        knowledgeEntries { title ownerId departmentSlug }
      }
    }`;
    const updated = await stack.call(update, { id }, tokens.financeAnalyst);
    expect(updated.body).toEqual({
      data: {
        updateKnowledgeEntries: {
          knowledgeEntries: [
            { title: 'Close checklist v2', ownerId: 'finance-lead', departmentSlug: 'finance' },
          ],
        },
      },
    });
  });

  it('publishes one knowledge.entry.created event per created entry', async () => {
    const received: DomainEvent<KnowledgeEntryChanged>[] = [];
    const unsubscribe = stack.bus.subscribe(Events.knowledgeEntryCreated, (event) => {
      received.push(event);
    });
    try {
      const input = entryInput({ title: 'Contract review notes', departmentSlug: 'legal' });
      const response = await stack.call<Created>(createEntries, { input: [input] }, tokens.legal);
      const entryId = response.body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
      // The in-process bus delivers on a microtask queued before the response was written.
      expect(received.map((event) => [event.type, event.data])).toEqual([
        // The legal token is an agent's: the entry is that agent's writing.
        [
          'knowledge.entry.created',
          { entryId, departmentSlug: 'legal', authorAgentId: 'legal-counsel' },
        ],
      ]);
    } finally {
      unsubscribe();
    }
  });
});

describe('reading entries', () => {
  it('shows anonymous callers PUBLIC entries only, in lists and counts', async () => {
    expect(await visibleFixtureIds()).toEqual(ids(finance.public));
    const listed = await stack.call<Listed>(listEntries);
    expect(new Set(listed.body.data?.knowledgeEntries.map((e) => e.accessLevel))).toEqual(
      new Set(['PUBLIC']),
    );
    const counted = await stack.call<{ knowledgeEntriesConnection: { totalCount: number } }>(
      '{ knowledgeEntriesConnection { totalCount } }',
    );
    expect(counted.body.data?.knowledgeEntriesConnection.totalCount).toBe(
      listed.body.data?.knowledgeEntries.length,
    );
  });

  it('shows a legal agent PUBLIC and RESTRICTED-to-legal finance entries, not CONFIDENTIAL', async () => {
    expect(await visibleFixtureIds(tokens.legal)).toEqual(
      ids(finance.public, finance.restrictedToLegal),
    );
  });

  it('shows a PERSONAL entry to its owner and to no one else in the department', async () => {
    expect(await visibleFixtureIds(tokens.financeLead)).toEqual(ids(...Object.values(finance)));
    expect(await visibleFixtureIds(tokens.financeAnalyst)).toEqual(
      ids(finance.public, finance.restrictedToLegal, finance.restrictedToHr, finance.confidential),
    );
  });

  it('shows an admin every entry', async () => {
    expect(await visibleFixtureIds(tokens.admin)).toEqual(ids(...Object.values(finance)));
  });

  it('resolves _entities only for entries the caller may read', async () => {
    const order = [
      finance.public,
      finance.restrictedToLegal,
      finance.restrictedToHr,
      finance.confidential,
      finance.personal,
    ];
    const representations = order.map((entry) => ({ __typename: 'KnowledgeEntry', id: entry.id }));
    const asLegal = await stack.call<Entities>(resolveEntities, { representations }, tokens.legal);
    const anonymous = await stack.call<Entities>(resolveEntities, { representations });
    expect(asLegal.body.errors).toBeUndefined();
    expect(asLegal.body.data?._entities.map((entity) => entity?.id ?? null)).toEqual([
      finance.public.id,
      finance.restrictedToLegal.id,
      null,
      null,
      null,
    ]);
    expect(anonymous.body.data?._entities.map((entity) => entity?.id ?? null)).toEqual([
      finance.public.id,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads the representations of one _entities field with one Cypher query', async () => {
    // The schema on a driver that counts sessions: @neo4j/graphql opens one per query it runs.
    let sessions = 0;
    const counting = new Proxy(stack.driver, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'session') sessions += 1;
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const schema = await buildKnowledgeSchema(counting, { jwtSecret: testJwtSecret });
    const admin: Principal = { sub: 'root', roles: [Role.ADMIN], department: null, token: null };
    const entries = [finance.public, finance.confidential, finance.personal];
    const representations = [...entries.map(({ id }) => id), randomUUID(), finance.public.id].map(
      (id) => ({ __typename: 'KnowledgeEntry', id }),
    );
    const run = () =>
      graphql({
        schema,
        source: `query($r: [_Any!]!) {
          _entities(representations: $r) { ... on KnowledgeEntry { id title topics { name } } }
        }`,
        variableValues: { r: representations },
        contextValue: createKnowledgeContext(admin),
      });
    // The library asks the server for its version once per process, on the first query.
    await run();
    sessions = 0;
    const result = await run();
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      ...entries.map(({ id, title }) => ({ id, title, topics: [] })),
      null,
      { id: finance.public.id, title: finance.public.title, topics: [] },
    ]);
    expect(sessions).toBe(1);
  });

  it('reports neo4j in /readyz', async () => {
    const response = await fetch(stack.url.replace(/\/graphql$/, '/readyz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', failing: [] });
  });
});
