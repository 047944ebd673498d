import type { RunningService } from '@daena/platform';
import { createTestDatabase, graphql, type TestDatabase } from '@daena/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgents } from './start-agents.js';

let database: TestDatabase;
let service: RunningService;

beforeAll(async () => {
  database = await createTestDatabase('honeycomb');
  service = await startAgents(database.url);
});
afterAll(async () => {
  await service?.close();
  await database?.drop();
});

const honeycombQuery = `{
  organization {
    hub { position { x y } }
    departments {
      id slug name hex { q r } position { x y angle radius } neighbors { id }
      agents { id name role status position { x y } }
    }
  }
}`;

type Honeycomb = {
  organization: {
    hub: { position: { x: number; y: number } };
    departments: {
      id: string;
      slug: string;
      hex: { q: number; r: number };
      position: { x: number; y: number; angle: number; radius: number };
      neighbors: { id: string }[];
      agents: { id: string; position: { x: number; y: number } }[];
    }[];
  };
};

async function statements(): Promise<number> {
  const text = await (await fetch(service.url.replace('/graphql', '/metrics'))).text();
  return Number(/^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

async function honeycomb() {
  const before = await statements();
  const { body } = await graphql<Honeycomb>(service.url, honeycombQuery);
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error('no data');
  return { organization: body.data.organization, statements: (await statements()) - before };
}

describe('the honeycomb query', () => {
  it('draws the hub, 8 cells around it, symmetric neighbours and 64 agents', async () => {
    const { organization } = await honeycomb();
    expect(organization.hub.position).toEqual({ x: 0, y: 0 });
    expect(organization.departments).toHaveLength(8);
    const cells = organization.departments.map((d) => `${d.hex.q},${d.hex.r}`);
    expect(new Set(cells).size).toBe(8);
    expect(cells).not.toContain('0,0');
    const byId = new Map(organization.departments.map((d) => [d.id, d]));
    for (const department of organization.departments) {
      expect(department.neighbors.length).toBeGreaterThan(0);
      for (const neighbor of department.neighbors) {
        const other = byId.get(neighbor.id);
        if (!other) throw new Error(`neighbour ${neighbor.id} is not a department`);
        expect(other.neighbors.map((n) => n.id)).toContain(department.id);
        const { q, r } = department.hex;
        const [dq, dr] = [other.hex.q - q, other.hex.r - r];
        expect((Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2).toBe(1);
      }
      expect(department.agents).toHaveLength(8);
      expect(new Set(department.agents.map((a) => `${a.position.x},${a.position.y}`)).size).toBe(8);
    }
  });

  it('issues the same number of SQL statements for 8 departments as for 24', async () => {
    const small = await honeycomb();
    await addDepartments(16);
    const large = await honeycomb();
    expect(large.organization.departments).toHaveLength(24);
    // Departments once, agents once: nothing per department or per agent.
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(small.statements);
    // Existing cells and positions never move when departments are added.
    const before = new Map(small.organization.departments.map((d) => [d.id, [d.hex, d.position]]));
    for (const department of large.organization.departments.slice(0, 8)) {
      expect([department.hex, department.position]).toEqual(before.get(department.id));
    }
  });
});

describe('departments a page at a time', () => {
  const pageQuery = `query ($after: String) {
    organization { departmentPage(first: 10, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes { id neighbors { id } agents { id position { x y } } }
    } }
  }`;
  type PageResult = {
    organization: {
      departmentPage: {
        totalCount: number;
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
        nodes: { id: string; neighbors: { id: string }[]; agents: { id: string }[] }[];
      };
    };
  };

  it('walks all departments once, with the same statement count per page', async () => {
    const all = (await honeycomb()).organization.departments.map((d) => d.id);
    const seen: string[] = [];
    const perPage: number[] = [];
    let after: string | null = null;
    for (;;) {
      const before = await statements();
      const result: Awaited<ReturnType<typeof graphql<PageResult>>> = await graphql<PageResult>(
        service.url,
        pageQuery,
        { after },
      );
      perPage.push((await statements()) - before);
      const page = result.body.data?.organization.departmentPage;
      if (!page) throw new Error(JSON.stringify(result.body.errors));
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(new Set(perPage).size).toBe(1);
  });

  it.each([
    ['{ organization { departmentPage(first: 0) { totalCount } } }', 'PAGE_SIZE_OUT_OF_RANGE'],
    ['{ organization { departmentPage(first: 201) { totalCount } } }', 'PAGE_SIZE_OUT_OF_RANGE'],
    ['{ organization { departmentPage(after: "not-a-cursor") { totalCount } } }', 'INVALID_CURSOR'],
  ])('refuses %s with BAD_USER_INPUT', async (query, reason) => {
    const { body } = await graphql(service.url, query);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });
});

/** Grows the organization directly in the database (the admin mutations come with issue 3). */
async function addDepartments(count: number): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      `with new_departments as (
         insert into agents.departments (id, slug, name, ordinal)
         select gen_random_uuid(), 'extra-' || n, 'Extra ' || n, 7 + n from generate_series(1, $1) as n
         returning id, slug
       )
       insert into agents.agents (id, slug, name, role, status, department_id, seat)
       select gen_random_uuid(), d.slug || '-' || s, d.slug || ' agent ' || s, 'EXECUTION_AGENT', 'IDLE', d.id, s
       from new_departments d, generate_series(0, 7) as s`,
      [count],
    );
  } finally {
    await client.end();
  }
}
