import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, graphql } from '@daena/testing';
import { departmentHex } from '../src/organization/domain/honeycomb.js';
import { startAdminStack, type AdminStack } from './admin-stack.js';

let stack: AdminStack;

beforeAll(async () => {
  stack = await startAdminStack();
});
afterAll(async () => {
  await stack?.close();
});

interface DepartmentView {
  id: string;
  slug: string;
  name: string;
  version: number;
  retiredAt: string | null;
  hex: { q: number; r: number };
}
interface AgentView {
  id: string;
  slug: string;
  name: string;
  role: string;
  status: string;
  version: number;
  retiredAt: string | null;
  department: { id: string };
  position: { x: number; y: number };
}

const departmentFields = 'id slug name version retiredAt hex { q r }';
const agentFields = 'id slug name role status version retiredAt department { id } position { x y }';

type Result = Awaited<ReturnType<AdminStack['call']>>;

/** The mutation's or query's result; fails the test on any error. */
function data<T>(result: Result, field: string): T {
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.[field] as T;
}

/** The first error's code and reason. */
function failure(result: Result): Record<string, unknown> | undefined {
  expect(result.body.data?.[Object.keys(result.body.data ?? {})[0] ?? ''] ?? null).toBeNull();
  return result.body.errors?.[0]?.extensions;
}

const ops = {
  createDepartment: (slug: string, name: string, bearer?: string) =>
    stack.call(
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { ${departmentFields} } }`,
      { input: { slug, name } },
      bearer,
    ),
  renameDepartment: (id: string, version: number, name: string) =>
    stack.call(
      `mutation ($id: ID!, $version: Int!, $name: String!) { renameDepartment(id: $id, version: $version, name: $name) { ${departmentFields} } }`,
      { id, version, name },
    ),
  retireDepartment: (id: string, version: number, serviceUrl = stack.agents.url) =>
    graphql<Record<string, unknown>>(
      serviceUrl,
      `mutation ($id: ID!, $version: Int!) { retireDepartment(id: $id, version: $version) { ${departmentFields} } }`,
      { id, version },
      stack.tokens.admin,
    ),
  hireAgent: (input: Record<string, unknown>, bearer?: string) =>
    stack.call(
      `mutation ($input: HireAgentInput!) { hireAgent(input: $input) { ${agentFields} } }`,
      { input },
      bearer,
    ),
  renameAgent: (id: string, version: number, name: string) =>
    stack.call(
      `mutation ($id: ID!, $version: Int!, $name: String!) { renameAgent(id: $id, version: $version, name: $name) { ${agentFields} } }`,
      { id, version, name },
    ),
  reassignAgent: (id: string, version: number, departmentId: string) =>
    stack.call(
      `mutation ($id: ID!, $version: Int!, $departmentId: ID!) { reassignAgent(id: $id, version: $version, departmentId: $departmentId) { ${agentFields} } }`,
      { id, version, departmentId },
    ),
  retireAgent: (id: string, version: number) =>
    stack.call(
      `mutation ($id: ID!, $version: Int!) { retireAgent(id: $id, version: $version) { ${agentFields} } }`,
      { id, version },
    ),
};

let slugCounter = 0;
/** A fresh department with one hired agent, so each story arranges its own cell. */
async function newDepartment(): Promise<DepartmentView> {
  slugCounter++;
  return data<DepartmentView>(
    await ops.createDepartment(`lab-${slugCounter}`, `Lab ${slugCounter}`),
    'createDepartment',
  );
}
async function hire(departmentId: string, name = 'Scout', role = 'DATA_SCOUT'): Promise<AgentView> {
  return data<AgentView>(await ops.hireAgent({ departmentId, role, name }), 'hireAgent');
}

/** Every current department's cell and every current agent's position, by id. */
async function layout(): Promise<Map<string, unknown>> {
  const organization = data<{
    departments: (DepartmentView & { agents: AgentView[] })[];
  }>(
    await stack.call(
      `{ organization { departments { id hex { q r } agents { id position { x y } } } } }`,
    ),
    'organization',
  );
  const places = new Map<string, unknown>();
  for (const department of organization.departments) {
    places.set(department.id, department.hex);
    for (const agent of department.agents) places.set(agent.id, agent.position);
  }
  return places;
}

const unknownId = '00000000-0000-4000-8000-000000000000';
const NOTHING_CHANGED = 'nothing written';

describe('departments', () => {
  it('adds a department in the next cell without moving any department or agent', async () => {
    const before = await layout();
    const created = data<DepartmentView>(
      await ops.createDepartment('research', '  Research  '),
      'createDepartment',
    );
    expect(created).toMatchObject({ slug: 'research', name: 'Research', version: 1 });
    // Eight seeded departments hold ordinals 0–7; the ninth takes the next cell of the spiral.
    expect(created.hex).toEqual(departmentHex(8));
    const after = await layout();
    for (const [id, place] of before) expect(after.get(id)).toEqual(place);
    expect(stack.events.departments.at(-1)).toMatchObject({
      departmentId: created.id,
      change: 'created',
      version: 1,
    });
  });

  it.each([
    ['an invalid slug', 'Bad_Slug', 'Name', 'BAD_USER_INPUT', 'INVALID_SLUG'],
    ['a slug too long', 'a'.repeat(64), 'Name', 'BAD_USER_INPUT', 'INVALID_SLUG'],
    ['a blank name', 'blank-name', '   ', 'BAD_USER_INPUT', 'INVALID_NAME'],
    ['a taken slug', 'engineering', 'Engineering Two', 'CONFLICT', 'SLUG_TAKEN'],
  ])('refuses %s and writes nothing', async (_case, slug, name, code, reason) => {
    const before = await stack.snapshot();
    expect(failure(await ops.createDepartment(slug, name))).toMatchObject({ code, reason });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('lets only admins change the organization', async () => {
    const before = await stack.snapshot();
    expect(failure(await ops.createDepartment('ops', 'Ops', stack.tokens.lead))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const anonymous = await stack.call(
      'mutation { createDepartment(input: { slug: "ops", name: "Ops" }) { id } }',
      {},
      '',
    );
    expect(failure(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('renames with the current version, and refuses a stale one with the current version', async () => {
    const department = await newDepartment();
    const renamed = data<DepartmentView>(
      await ops.renameDepartment(department.id, 1, 'Applied Research'),
      'renameDepartment',
    );
    expect(renamed).toMatchObject({ name: 'Applied Research', slug: department.slug, version: 2 });

    const before = await stack.snapshot();
    expect(failure(await ops.renameDepartment(department.id, 1, 'Overwrite'))).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      details: { currentVersion: 2 },
    });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('lets exactly one of two concurrent renames of the same version win', async () => {
    const department = await newDepartment();
    const results = await Promise.all([
      ops.renameDepartment(department.id, 1, 'Left'),
      ops.renameDepartment(department.id, 1, 'Right'),
    ]);
    const winners = results.filter((result) => !result.body.errors);
    const losers = results.filter((result) => result.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((result) => result.body.errors?.[0]?.extensions?.['reason'])).toEqual([
      'STALE_VERSION',
    ]);
    const stored = await stack.sql('select name, version from agents.departments where id = $1', [
      department.id,
    ]);
    const winner = data<DepartmentView>(winners[0] as Result, 'renameDepartment');
    expect(stored).toEqual([{ name: winner.name, version: 2 }]);
  });

  it('answers unknown and malformed ids with NOT_FOUND', async () => {
    for (const id of [unknownId, 'not-an-id']) {
      expect(failure(await ops.renameDepartment(id, 1, 'X'))).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'DEPARTMENT_NOT_FOUND',
      });
      expect(failure(await ops.retireDepartment(id, 1))).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        failure(await ops.hireAgent({ departmentId: id, role: 'SYNTHESIZER', name: 'X' })),
      ).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('retiring a department', () => {
  it('retires it with its agents; its cell stays empty, nothing moves, and it takes no agents', async () => {
    const department = await newDepartment();
    const agent = await hire(department.id);
    const neighbour = await newDepartment();
    const before = await layout();

    const retired = data<DepartmentView>(
      await ops.retireDepartment(department.id, 1),
      'retireDepartment',
    );
    expect(retired).toMatchObject({ version: 2, hex: department.hex });
    expect(retired.retiredAt).not.toBeNull();
    const after = await layout();
    for (const [id, place] of before) {
      if (id !== department.id && id !== agent.id) expect(after.get(id)).toEqual(place);
    }
    expect(after.has(department.id)).toBe(false);
    expect(stack.events.agents.at(-1)).toMatchObject({ agentId: agent.id, change: 'retired' });
    expect(stack.events.departments.at(-1)).toMatchObject({ change: 'retired', version: 2 });

    const lookup = data<{ retiredAt: string | null; agents: unknown[] }>(
      await stack.call('query ($id: ID!) { department(id: $id) { retiredAt agents { id } } }', {
        id: department.id,
      }),
      'department',
    );
    expect(lookup).toEqual({ retiredAt: retired.retiredAt, agents: [] });

    const next = await newDepartment();
    expect(next.hex).not.toEqual(department.hex);

    const snapshot = await stack.snapshot();
    expect(
      failure(await ops.hireAgent({ departmentId: department.id, role: 'SYNTHESIZER', name: 'X' })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'DEPARTMENT_RETIRED' });
    const movable = await hire(neighbour.id);
    const snapshotWithHire = await stack.snapshot();
    expect(
      failure(await ops.reassignAgent(movable.id, movable.version, department.id)),
    ).toMatchObject({ code: 'CONFLICT', reason: 'DEPARTMENT_RETIRED' });
    expect(failure(await ops.renameDepartment(department.id, 2, 'Back'))).toMatchObject({
      reason: 'DEPARTMENT_RETIRED',
    });
    expect(failure(await ops.retireDepartment(department.id, 2))).toMatchObject({
      reason: 'DEPARTMENT_RETIRED',
    });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(snapshotWithHire);
    expect(snapshotWithHire).not.toBe(snapshot);
  });

  it('refuses while one of its agents is working, naming the agent', async () => {
    const department = await newDepartment();
    const busy = await hire(department.id);
    await stack.sql("update agents.agents set status = 'WORKING' where id = $1", [busy.id]);
    const before = await stack.snapshot();
    expect(failure(await ops.retireDepartment(department.id, 1))).toMatchObject({
      code: 'CONFLICT',
      reason: 'DEPARTMENT_HAS_OPEN_WORK',
      details: { busyAgentIds: [busy.id], openProposalIds: [] },
    });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('refuses while it has an open proposal in the decisions subgraph', async () => {
    const department = await newDepartment();
    await hire(department.id);
    const opened = await stack.callDecisions(
      'mutation ($input: OpenProposalInput!) { openProposal(input: $input) { id } }',
      { input: { title: 'Adopt a new roadmap', departmentId: department.id } },
      stack.tokens.executive,
    );
    const proposal = data<{ id: string }>(opened, 'openProposal');
    const before = await stack.snapshot();
    expect(failure(await ops.retireDepartment(department.id, 1))).toMatchObject({
      code: 'CONFLICT',
      reason: 'DEPARTMENT_HAS_OPEN_WORK',
      details: { busyAgentIds: [], openProposalIds: [proposal.id] },
    });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('answers UNAVAILABLE and writes nothing when decisions cannot be asked', async () => {
    const department = await newDepartment();
    const isolated = await stack.startAgents(`http://127.0.0.1:${await freePort()}/graphql`);
    const before = await stack.snapshot();
    const result = await ops.retireDepartment(department.id, 1, isolated.url);
    expect(failure(result)).toMatchObject({ code: 'UNAVAILABLE', reason: 'DECISIONS_UNAVAILABLE' });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });
});

describe('agents', () => {
  it('hires into the next seat with a slug derived from the name, moving nobody', async () => {
    const department = await newDepartment();
    const first = await hire(department.id, 'Ada Lovelace', 'STRATEGIC_ADVISOR');
    const before = await layout();
    const second = await hire(department.id, 'Ada Lovelace', 'STRATEGIC_ADVISOR');
    expect(first).toMatchObject({ slug: 'ada-lovelace', role: 'STRATEGIC_ADVISOR', version: 1 });
    expect(second.slug).toBe('ada-lovelace-2');
    const seats = await stack.sql(
      'select seat from agents.agents where department_id = $1 order by seat',
      [department.id],
    );
    expect(seats).toEqual([{ seat: 0 }, { seat: 1 }]);
    const after = await layout();
    for (const [id, place] of before) expect(after.get(id)).toEqual(place);
    expect(stack.events.agents.at(-1)).toMatchObject({ agentId: second.id, change: 'hired' });
  });

  it.each([
    ['a taken slug', { slug: 'engineering-data-scout' }, 'CONFLICT', 'SLUG_TAKEN'],
    ['an invalid slug', { slug: '-bad-' }, 'BAD_USER_INPUT', 'INVALID_SLUG'],
    ['a name too long', { name: 'n'.repeat(101) }, 'BAD_USER_INPUT', 'INVALID_NAME'],
  ])('refuses to hire with %s and writes nothing', async (_case, change, code, reason) => {
    const department = await newDepartment();
    const before = await stack.snapshot();
    const result = await ops.hireAgent({
      departmentId: department.id,
      role: 'DATA_SCOUT',
      name: 'Scout',
      ...change,
    });
    expect(failure(result)).toMatchObject({ code, reason });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('refuses a role that does not exist before anything runs', async () => {
    const department = await newDepartment();
    const before = await stack.snapshot();
    const result = await ops.hireAgent({ departmentId: department.id, role: 'CEO', name: 'X' });
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('renames an agent, keeping its slug', async () => {
    const agent = await hire((await newDepartment()).id, 'Old Name');
    const renamed = data<AgentView>(await ops.renameAgent(agent.id, 1, 'New Name'), 'renameAgent');
    expect(renamed).toMatchObject({ name: 'New Name', slug: agent.slug, version: 2 });
    expect(failure(await ops.renameAgent(agent.id, 1, 'Stale'))).toMatchObject({
      reason: 'STALE_VERSION',
      details: { currentVersion: 2 },
    });
  });

  it('reassigns an agent to the next seat of another department; the rest stay put', async () => {
    const [from, to] = [await newDepartment(), await newDepartment()];
    const mover = await hire(from.id, 'Mover');
    const stayer = await hire(from.id, 'Stayer');
    await hire(to.id, 'Resident');
    const before = await layout();
    const moved = data<AgentView>(
      await ops.reassignAgent(mover.id, mover.version, to.id),
      'reassignAgent',
    );
    expect(moved).toMatchObject({ department: { id: to.id }, version: 2, slug: mover.slug });
    const [row] = await stack.sql('select seat from agents.agents where id = $1', [mover.id]);
    expect(row).toEqual({ seat: 1 });
    const after = await layout();
    for (const [id, place] of before) if (id !== mover.id) expect(after.get(id)).toEqual(place);
    expect(after.get(stayer.id)).toEqual(before.get(stayer.id));
    expect(stack.events.agents.at(-1)).toMatchObject({
      agentId: mover.id,
      change: 'reassigned',
      departmentId: to.id,
      previousDepartmentId: from.id,
    });
  });

  it('refuses to move or retire an agent with open work, and writes nothing', async () => {
    const [home, elsewhere] = [await newDepartment(), await newDepartment()];
    const busy = await hire(home.id);
    await stack.sql("update agents.agents set current_task = 'Draft the plan' where id = $1", [
      busy.id,
    ]);
    const before = await stack.snapshot();
    for (const result of [
      await ops.reassignAgent(busy.id, 1, elsewhere.id),
      await ops.retireAgent(busy.id, 1),
    ]) {
      expect(failure(result)).toMatchObject({
        code: 'CONFLICT',
        reason: 'AGENT_HAS_OPEN_WORK',
        details: { agentId: busy.id, hasCurrentTask: true },
      });
    }
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
  });

  it('retires an agent: it leaves the lists, keeps its seat, and takes no further changes', async () => {
    const department = await newDepartment();
    const agent = await hire(department.id);
    const retired = data<AgentView>(await ops.retireAgent(agent.id, 1), 'retireAgent');
    expect(retired.retiredAt).not.toBeNull();
    const lists = await stack.call(
      `query ($id: ID!) {
        agents(departmentId: $id) { id }
        department(id: $id) { agents { id } }
        agentPage(filter: { departmentId: $id }) { totalCount }
        all: agentPage(filter: { departmentId: $id, includeRetired: true }) { nodes { id } }
      }`,
      { id: department.id },
    );
    expect(lists.body.data).toEqual({
      agents: [],
      department: { agents: [] },
      agentPage: { totalCount: 0 },
      all: { nodes: [{ id: agent.id }] },
    });
    const before = await stack.snapshot();
    expect(failure(await ops.renameAgent(agent.id, 2, 'Again'))).toMatchObject({
      reason: 'AGENT_RETIRED',
    });
    expect(failure(await ops.retireAgent(agent.id, 2))).toMatchObject({ reason: 'AGENT_RETIRED' });
    expect(await stack.snapshot(), NOTHING_CHANGED).toBe(before);
    // The next hire takes a new seat: the retired agent's stays its own.
    await hire(department.id);
    const seats = await stack.sql(
      'select seat from agents.agents where department_id = $1 order by seat',
      [department.id],
    );
    expect(seats).toEqual([{ seat: 0 }, { seat: 1 }]);
  });

  it('answers unknown and malformed agent ids with NOT_FOUND', async () => {
    const department = await newDepartment();
    for (const id of [unknownId, 'not-an-id']) {
      for (const result of [
        await ops.renameAgent(id, 1, 'X'),
        await ops.reassignAgent(id, 1, department.id),
        await ops.retireAgent(id, 1),
      ]) {
        expect(failure(result)).toMatchObject({ code: 'NOT_FOUND', reason: 'AGENT_NOT_FOUND' });
      }
    }
  });
});

describe('paginating agents', () => {
  interface Page {
    nodes: { id: string; name: string }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
    totalCount: number;
  }
  const pageQuery = `query ($first: Int!, $after: String, $filter: AgentFilter) {
    agentPage(first: $first, after: $after, filter: $filter) {
      nodes { id name }
      pageInfo { endCursor hasNextPage hasPreviousPage }
      totalCount
    }
  }`;
  async function walk(filter: Record<string, unknown>, first: number) {
    const seen: { id: string; name: string }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: Page = data<Page>(
        await stack.call(pageQuery, { first, after, filter }),
        'agentPage',
      );
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return { seen, totalCount: page.totalCount };
      after = page.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  it('walks every current agent once, in (name, id) order, page by page', async () => {
    const list = data<{ id: string; name: string }[]>(
      await stack.call('{ agents { id name } }'),
      'agents',
    );
    const { seen, totalCount } = await walk({}, 7);
    expect(totalCount).toBe(list.length);
    expect(new Set(seen.map((agent) => agent.id)).size).toBe(seen.length);
    expect(seen).toEqual(list);
  });

  it('filters by department, role, status and search, and pages the filtered list', async () => {
    const department = await newDepartment();
    for (const name of ['Echo One', 'Echo Two', 'Echo Three', 'Other'])
      await hire(department.id, name);
    const idle = await hire(department.id, 'Echo Paused', 'SYNTHESIZER');
    await stack.sql("update agents.agents set status = 'PAUSED' where id = $1", [idle.id]);

    const echoes = await walk({ departmentId: department.id, search: 'ECHO' }, 2);
    expect(echoes.seen.map((agent) => agent.name)).toEqual([
      'Echo One',
      'Echo Paused',
      'Echo Three',
      'Echo Two',
    ]);
    expect(echoes.totalCount).toBe(4);
    const paused = await walk({ departmentId: department.id, status: 'PAUSED' }, 5);
    expect(paused.seen.map((agent) => agent.id)).toEqual([idle.id]);
    const synthesizers = await walk({ departmentId: department.id, role: 'SYNTHESIZER' }, 5);
    expect(synthesizers.seen.map((agent) => agent.id)).toEqual([idle.id]);
    const literal = await walk({ search: '%' }, 5);
    expect(literal.totalCount).toBe(0);
  });

  it.each([
    ['a cursor it did not issue', { first: 5, after: 'garbage' }, 'INVALID_CURSOR'],
    ['a department cursor', { first: 5, after: 'djE6Mw' }, 'INVALID_CURSOR'],
    ['an empty page', { first: 0 }, 'PAGE_SIZE_OUT_OF_RANGE'],
    ['an oversized page', { first: 201 }, 'PAGE_SIZE_OUT_OF_RANGE'],
  ])('refuses %s', async (_case, variables, reason) => {
    const result = await stack.call(pageQuery, variables);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });
});

describe('after a restart', () => {
  it('serves every change the admins made', async () => {
    const department = await newDepartment();
    const renamed = data<DepartmentView>(
      await ops.renameDepartment(department.id, 1, 'Survivors'),
      'renameDepartment',
    );
    const agent = await hire(department.id, 'Durable');
    const retiredAgent = await hire(department.id, 'Gone');
    await ops.retireAgent(retiredAgent.id, 1);
    const query = `query ($id: ID!) {
      department(id: $id) { ${departmentFields} agents { ${agentFields} } }
      organization { departments { id hex { q r } } }
      agentPage(first: 200, filter: { includeRetired: true, departmentId: $id }) { nodes { id retiredAt } }
    }`;
    const before = await stack.call(query, { id: department.id });
    expect(before.body.errors).toBeUndefined();

    await stack.restartAgents();
    const after = await stack.call(query, { id: department.id });
    expect(after.body).toEqual(before.body);
    expect(after.body.data?.['department']).toMatchObject({
      name: renamed.name,
      version: 2,
      agents: [{ id: agent.id, name: 'Durable' }],
    });
  });
});
