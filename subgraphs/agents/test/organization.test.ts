import type { RunningService } from '@daena/platform';
import { createTestDatabase, graphql, type TestDatabase } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgents as startAgentsOn } from './start-agents.js';

let database: TestDatabase;
const started: RunningService[] = [];

async function startAgents(): Promise<RunningService> {
  const service = await startAgentsOn(database.url);
  started.push(service);
  return service;
}

beforeAll(async () => {
  database = await createTestDatabase('agents');
});
afterAll(async () => {
  await Promise.all(started.map((service) => service.close()));
  await database.drop();
});

const organizationQuery = '{ departments { id slug name agents { id name role status } } }';
type Organization = {
  departments: {
    id: string;
    slug: string;
    agents: { id: string; role: string; status: string }[];
  }[];
};

describe('agents subgraph on real Postgres', () => {
  it('migrates, seeds 8 departments × 8 agents once, and survives a restart without duplicates', async () => {
    const first = await startAgents();
    const before = await graphql<Organization>(first.url, organizationQuery);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.departments.map((d) => d.slug)).toEqual([
      'engineering',
      'product',
      'sales',
      'marketing',
      'finance',
      'hr',
      'legal',
      'customer-success',
    ]);
    for (const department of before.body.data?.departments ?? []) {
      expect(department.agents).toHaveLength(8);
      expect(new Set(department.agents.map((a) => a.role)).size).toBe(8);
      expect(department.agents.every((a) => a.status === 'IDLE')).toBe(true);
    }

    await first.close();
    const second = await startAgents();
    const after = await graphql<Organization>(second.url, organizationQuery);
    expect(after.body.data).toEqual(before.body.data);
  });

  it('resolves federation references in one batch, null for unknown ids', async () => {
    const service = started.at(-1) ?? (await startAgents());
    const org = await graphql<Organization>(service.url, organizationQuery);
    const agentId = org.body.data?.departments[4]?.agents[0]?.id;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const entities = await graphql<{
      _entities: ({ id: string; name: string; department: { slug: string } } | null)[];
    }>(
      service.url,
      `
        query ($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on Agent {
              id
              name
              department {
                slug
              }
            }
          }
        }
      `,
      {
        reps: [
          { __typename: 'Agent', id: agentId },
          { __typename: 'Agent', id: unknown },
        ],
      },
    );
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data?._entities[0]).toMatchObject({
      id: agentId,
      department: { slug: 'finance' },
    });
    expect(entities.body.data?._entities[1]).toBeNull();
  });

  it('lists agents by role and serves the capability matrix', async () => {
    const service = started.at(-1) ?? (await startAgents());
    const result = await graphql<{
      agents: { name: string }[];
      roles: { role: string; cmpTriggers: string[] }[];
    }>(service.url, '{ agents(role: BORDER_AGENT) { name } roles { role cmpTriggers } }');
    expect(result.body.data?.agents).toHaveLength(8);
    expect(result.body.data?.agents.every((a) => a.name.endsWith('Border Agent'))).toBe(true);
    expect(result.body.data?.roles.find((r) => r.role === 'DATA_SCOUT')?.cmpTriggers).toEqual([
      'data privacy decisions',
    ]);
  });
});
