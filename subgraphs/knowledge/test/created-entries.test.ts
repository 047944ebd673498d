import { Role, signServiceToken } from '@daena/platform';
import { testJwtSecret } from '@daena/testing';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdEntriesStatement } from '../src/store/created-entries.js';
import {
  createEntries,
  entryInput,
  startKnowledgeStack,
  tokenFor,
  type Entry,
  type KnowledgeStack,
} from './knowledge-stack.js';

/*
 * Issue 15: agents' autonomy sweep reads back the entries whose `knowledge.entry.created` event
 * the bus lost, through a service query only the agents service's token opens. Real Neo4j.
 */
let stack: KnowledgeStack;
let agentsToken: string;
let financeLead: string;
/** Before anything in this file was written. */
const start = new Date(Date.now() - 1_000).toISOString();

beforeAll(async () => {
  stack = await startKnowledgeStack();
  agentsToken = await signServiceToken(testJwtSecret, 'agents');
  financeLead = await tokenFor({
    sub: 'finance-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'finance',
  });
});
afterAll(() => stack?.close());

const createdSince = `query ($since: DateTime!, $limit: Int!) {
  createdEntriesSince(since: $since, limit: $limit) { id departmentSlug authorAgentId createdAt }
}`;

interface Created {
  id: string;
  departmentSlug: string;
  authorAgentId: string | null;
  createdAt: string;
}

function readCreated(token: string | undefined, limit = 200, since = start) {
  return stack.call<{ createdEntriesSince: Created[] }>(createdSince, { since, limit }, token);
}

/** A finance entry its lead writes (unless `token` says who); `authorAgentId` names an agent. */
async function write(
  overrides: Parameters<typeof entryInput>[0],
  authorAgentId?: string,
  token = financeLead,
): Promise<Entry> {
  const { body } = await stack.call<{ createKnowledgeEntries: { knowledgeEntries: Entry[] } }>(
    createEntries,
    { input: [{ ...entryInput(overrides), ...(authorAgentId ? { authorAgentId } : {}) }] },
    token,
  );
  const entry = body.data?.createKnowledgeEntries.knowledgeEntries[0];
  if (!entry) throw new Error(JSON.stringify(body.errors));
  return entry;
}

describe('createdEntriesSince', () => {
  it('answers the agents service with every department’s new entries, oldest first', async () => {
    const byPerson = await write({ title: 'Quarter close checklist', accessLevel: 'PERSONAL' });
    const byAgent = await write(
      { title: 'Supplier risk summary', accessLevel: 'CONFIDENTIAL' },
      'agent-7',
    );

    const { body } = await readCreated(agentsToken);

    expect(body.errors).toBeUndefined();
    const created = body.data?.createdEntriesSince ?? [];
    expect(created.map((entry) => entry.id).slice(-2)).toEqual([byPerson.id, byAgent.id]);
    expect(created.find((entry) => entry.id === byPerson.id)).toEqual({
      id: byPerson.id,
      departmentSlug: 'finance',
      authorAgentId: null,
      createdAt: expect.any(String) as string,
    });
    expect(created.find((entry) => entry.id === byAgent.id)?.authorAgentId).toBe('agent-7');
    const times = created.map((entry) => Date.parse(entry.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse(start));
  });

  it('starts at `since` and returns at most `limit`, the oldest', async () => {
    const all = (await readCreated(agentsToken)).body.data?.createdEntriesSince ?? [];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const [, second] = all;

    const limited = await readCreated(agentsToken, 1);
    const later = await readCreated(agentsToken, 200, second?.createdAt);

    expect(limited.body.data?.createdEntriesSince).toEqual(all.slice(0, 1));
    expect(later.body.data?.createdEntriesSince.map((entry) => entry.id)).not.toContain(all[0]?.id);
    expect(later.body.data?.createdEntriesSince.map((entry) => entry.id)).toContain(second?.id);
  });

  it('names the agent that wrote an entry as its event did, also when the input did not', async () => {
    const agent = await tokenFor({ sub: 'agent-9', roles: [Role.AGENT], department: 'finance' });
    const entry = await write({ title: 'Dunning run notes' }, undefined, agent);

    const created = (await readCreated(agentsToken)).body.data?.createdEntriesSince ?? [];

    expect(created.find((found) => found.id === entry.id)?.authorAgentId).toBe('agent-9');
  });

  it('leaves out an entry deleted since it was created', async () => {
    const kept = await write({ title: 'Kept entry' });
    const deleted = await write({ title: 'Deleted entry' });
    const removed = await stack.call(
      `mutation ($id: ID!) { deleteKnowledgeEntries(where: { id: { eq: $id } }) { nodesDeleted } }`,
      { id: deleted.id },
      financeLead,
    );
    expect(removed.body.data).toEqual({ deleteKnowledgeEntries: { nodesDeleted: 1 } });

    const ids = (await readCreated(agentsToken)).body.data?.createdEntriesSince.map((e) => e.id);

    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(deleted.id);
  });

  it.each([
    ['an admin user', () => tokenFor({ sub: 'root', roles: [Role.ADMIN] }), 'FORBIDDEN'],
    ['a department lead', async () => financeLead, 'FORBIDDEN'],
    ['another service', () => signServiceToken(testJwtSecret, 'gateway'), 'FORBIDDEN'],
    ['anonymous', async () => undefined, 'UNAUTHENTICATED'],
    [
      'an agents token signed with another secret',
      () => signServiceToken('some-other-secret-0123456789', 'agents'),
      'UNAUTHENTICATED',
    ],
  ])('refuses %s', async (_caller, token, code) => {
    const { body } = await readCreated(await token());
    expect(body.data?.createdEntriesSince).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.['code']).toBe(code);
  });

  it.each([0, 201, -1])('refuses limit %i with BAD_USER_INPUT', async (limit) => {
    const { body } = await readCreated(agentsToken, limit);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'LIMIT_OUT_OF_RANGE',
    });
  });

  it('reads them by the (change, at) index in its order: no sort before the limit', async () => {
    const { summary } = await stack.driver.executeQuery(`EXPLAIN ${createdEntriesStatement}`, {
      since: start,
      limit: neo4j.int(5),
    });
    const operators = operatorsOf(summary.plan as Plan);

    expect(operators.map((operator) => operator.type)).not.toContain('Sort');
    expect(operators.map((operator) => operator.type)).not.toContain('Top');
    expect(operators.find((operator) => operator.type === 'NodeIndexSeek')?.details).toContain(
      'KnowledgeChange(change, at)',
    );
  });

  it('opens no user’s read to a service token: it lists public entries only', async () => {
    const secret = await write({ title: 'Confidential forecast', accessLevel: 'CONFIDENTIAL' });
    const { body } = await stack.call<{ knowledgeEntries: { id: string; accessLevel: string }[] }>(
      '{ knowledgeEntries(limit: 200) { id accessLevel } }',
      {},
      agentsToken,
    );
    const listed = body.data?.knowledgeEntries ?? [];
    expect(listed.map((entry) => entry.id)).not.toContain(secret.id);
    expect(listed.every((entry) => entry.accessLevel === 'PUBLIC')).toBe(true);
  });
});

interface Plan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Plan[];
}

/** A query plan's operators, root first, named without the runtime's suffix. */
function operatorsOf(plan: Plan): { type: string; details: string }[] {
  const details = plan.arguments['Details'];
  return [
    {
      type: plan.operatorType.replace(/@.*$/, ''),
      details: typeof details === 'string' ? details : '',
    },
    ...plan.children.flatMap(operatorsOf),
  ];
}
