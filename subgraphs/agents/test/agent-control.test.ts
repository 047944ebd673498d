import { Role, signToken } from '@daena/platform';
import { Events, type AgentStatusChanged } from '@daena/contracts';
import { graphql, testJwtSecret } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentsOnTestDatabase, type AgentsOnTestDatabase } from './start-agents.js';

let stack: AgentsOnTestDatabase<AgentStatusChanged>;

beforeAll(async () => {
  stack = await agentsOnTestDatabase('agent_control', Events.agentStatusChanged);
});
afterAll(() => stack?.close());

type AgentView = { id: string; status: string; version: number; department: { slug: string } };

async function agentOf(slug: string): Promise<AgentView> {
  const { body } = await graphql<{ agents: (AgentView & { name: string })[] }>(
    stack.service.url,
    '{ agents(role: DATA_SCOUT) { id name status version department { slug } } }',
  );
  const agent = body.data?.agents.find((a) => a.department.slug === slug);
  if (!agent) throw new Error(`no data scout in ${slug}`);
  return agent;
}

const control = (
  action: 'pauseAgent' | 'resumeAgent',
  id: string,
  version: number,
  token?: string,
) =>
  graphql<Record<string, AgentView>>(
    stack.service.url,
    `mutation ($id: ID!, $version: Int!) { ${action}(id: $id, version: $version) { id status version } }`,
    { id, version },
    token,
  );

const token = (roles: Role[], department?: string) =>
  signToken(testJwtSecret, { sub: 'tester', roles, department });

describe('pausing and resuming agents', () => {
  it("lets the department's lead pause an agent; everyone then sees PAUSED, and one event tells", async () => {
    const scout = await agentOf('finance');
    const lead = await token([Role.DEPARTMENT_LEAD], 'finance');
    const paused = await control('pauseAgent', scout.id, scout.version, lead);
    expect(paused.body.errors).toBeUndefined();
    expect(paused.body.data?.['pauseAgent']).toMatchObject({
      status: 'PAUSED',
      version: scout.version + 1,
    });
    const organization = await graphql<{
      organization: { departments: { agents: { id: string; status: string }[] }[] };
    }>(stack.service.url, '{ organization { departments { agents { id status } } } }');
    const everywhere = organization.body.data?.organization.departments.flatMap((d) => d.agents);
    expect(everywhere?.find((a) => a.id === scout.id)?.status).toBe('PAUSED');
    expect(stack.events.filter((e) => e.data.agentId === scout.id)).toHaveLength(1);

    const resumed = await control('resumeAgent', scout.id, scout.version + 1, lead);
    expect(resumed.body.data?.['resumeAgent']).toMatchObject({
      status: 'IDLE',
      version: scout.version + 2,
    });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const scout = await agentOf('legal');
    const admin = await token([Role.ADMIN]);
    expect(
      (await control('pauseAgent', scout.id, scout.version, admin)).body.errors,
    ).toBeUndefined();
    const stale = await control('resumeAgent', scout.id, scout.version, admin);
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    expect((await agentOf('legal')).status).toBe('PAUSED');
  });

  it.each([
    ['anonymous', async () => undefined, 'UNAUTHENTICATED'],
    ["another department's lead", () => token([Role.DEPARTMENT_LEAD], 'legal'), 'FORBIDDEN'],
    ['a viewer', () => token([Role.VIEWER], 'hr'), 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_who, caller, code) => {
    const scout = await agentOf('hr');
    const result = await control('pauseAgent', scout.id, scout.version, await caller());
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(await agentOf('hr')).toEqual(scout);
  });

  it('answers an unknown agent with NOT_FOUND and resuming an active one with AGENT_NOT_PAUSED', async () => {
    const admin = await token([Role.ADMIN]);
    const unknown = await control('pauseAgent', '00000000-0000-4000-8000-000000000000', 1, admin);
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const probe = await control('pauseAgent', '00000000-0000-4000-8000-000000000000', 1);
    expect(probe.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const malformed = await control('pauseAgent', 'not-an-id', 1, admin);
    expect(malformed.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const scout = await agentOf('sales');
    const notPaused = await control('resumeAgent', scout.id, scout.version, admin);
    expect(notPaused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENT_NOT_PAUSED',
    });
  });
});
