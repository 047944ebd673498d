import { Role } from '@daena/platform';
import { graphql } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../src/autonomy/operations/run-task.js';
import { autonomyHarness, type AutonomyHarness, type RosterAgent } from './autonomy-harness.js';

/*
 * Issue 15: tasks and runs are read by the organization's rules, as messages are: admins and
 * executives read every department's; a department's lead and members (its agents too) read
 * their department's; anyone else reads none, in lists, single reads and the subscriptions'
 * query twins (which the gateway runs as each subscriber).
 */
let h: AutonomyHarness;
let finance: { task: string; run: string; agent: RosterAgent };
let legalTask: string;
const tokens = {} as Record<
  'executive' | 'financeLead' | 'financeAgent' | 'legalLead' | 'legalAgent' | 'viewer',
  string
>;

const agentOf = (slug: string, role: string): RosterAgent => {
  const agent = h.roster.find((a) => a.slug === slug && a.role === role);
  if (!agent) throw new Error(`no ${role} in ${slug}`);
  return agent;
};

beforeAll(async () => {
  h = await autonomyHarness('autonomy_task_access');
  const agent = agentOf('finance', 'DATA_SCOUT');
  const task = await h.taskFor(agent);
  await runTask(h.deps('access-worker'), task.id);
  const { rows } = await h.sql.query<{ id: string }>(
    'select id from agents.agent_runs where task_id = $1',
    [task.id],
  );
  finance = { task: task.id, run: rows[0]?.id ?? '', agent };
  legalTask = (await h.taskFor(agentOf('legal', 'DATA_SCOUT'))).id;
  const token = h.stack.token.bind(h.stack);
  tokens.executive = await token({ sub: 'ceo', roles: [Role.EXECUTIVE] });
  tokens.financeLead = await token({
    sub: 'finance-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'finance',
  });
  // An agent's own token names no department: its agent's is looked up.
  tokens.financeAgent = await token({ sub: agent.id, roles: [Role.AGENT] });
  tokens.legalLead = await token({
    sub: 'legal-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'legal',
  });
  tokens.legalAgent = await token({ sub: agentOf('legal', 'SYNTHESIZER').id, roles: [Role.AGENT] });
  tokens.viewer = await token({ sub: 'visitor', roles: [Role.VIEWER] });
});
afterAll(() => h?.close());

type Caller = keyof typeof tokens;

async function ask(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await graphql<Record<string, unknown>>(
    h.agents.url,
    query,
    variables,
    tokens[caller],
  );
  return body;
}

/** The ids of the tasks the caller lists (of finance, or of every department it may read). */
async function listed(caller: Caller, departmentId?: string): Promise<string[]> {
  const body = await ask(
    caller,
    'query ($d: ID) { tasks(departmentId: $d, first: 100) { id department { slug } } }',
    { d: departmentId ?? null },
  );
  return ((body.data?.['tasks'] ?? []) as { id: string }[]).map((task) => task.id);
}

/** Every single read of the finance task and its run, and the twins the gateway runs per event. */
async function singleReads(caller: Caller) {
  const reads = {
    task: ['query ($id: ID!) { task(id: $id) { id runs { id } } }', { id: finance.task }],
    agentRun: ['query ($id: ID!) { agentRun(id: $id) { id steps { kind } } }', { id: finance.run }],
    taskUpdates: ['query ($id: ID!) { taskUpdates(taskId: $id) { id } }', { id: finance.task }],
    runSteps: ['query ($id: ID!) { runSteps(runId: $id, seq: 0) { kind } }', { id: finance.run }],
  } as const;
  const outcome: Record<string, string> = {};
  for (const [field, [query, variables]] of Object.entries(reads)) {
    const body = await ask(caller, query, variables);
    const error = body.errors?.[0]?.extensions;
    outcome[field] = body.data?.[field]
      ? 'read'
      : error
        ? `${String(error['code'])}:${String(error['reason'])}`
        : 'null';
  }
  return outcome;
}

const allRead = { task: 'read', agentRun: 'read', taskUpdates: 'read', runSteps: 'read' };
const forbidden = 'FORBIDDEN:NOT_IN_DEPARTMENT';
/** The twins answer null, which the gateway withholds: the subscriber hears nothing. */
const noneRead = {
  task: forbidden,
  agentRun: forbidden,
  taskUpdates: 'null',
  runSteps: 'null',
};

describe('who reads a department’s tasks and runs', () => {
  it('lets the department’s lead and its agents read them, and only them', async () => {
    for (const caller of ['financeLead', 'financeAgent'] as const) {
      expect(await singleReads(caller)).toEqual(allRead);
      const all = await listed(caller);
      expect(all).toContain(finance.task);
      expect(all).not.toContain(legalTask);
      expect(await listed(caller, finance.agent.departmentId)).toContain(finance.task);
    }
  });

  it('shows another department’s lead and agents none of them', async () => {
    for (const caller of ['legalLead', 'legalAgent'] as const) {
      expect(await singleReads(caller)).toEqual(noneRead);
      expect(await listed(caller, finance.agent.departmentId)).toEqual([]);
      const all = await listed(caller);
      expect(all).toContain(legalTask);
      expect(all).not.toContain(finance.task);
    }
  });

  it('shows a caller of no department nothing, and an executive everything', async () => {
    expect(await singleReads('viewer')).toEqual(noneRead);
    expect(await listed('viewer')).toEqual([]);
    expect(await singleReads('executive')).toEqual(allRead);
    expect(await listed('executive')).toEqual(expect.arrayContaining([finance.task, legalTask]));
  });

  it('has the gateway share the subscriptions by role set and token department only', async () => {
    // The service's own SDL, as composition reads it.
    const { body } = await graphql<{ _service: { sdl: string } }>(
      h.agents.url,
      '{ _service { sdl } }',
    );
    const sdl = body.data?._service.sdl ?? '';
    for (const field of ['taskUpdates', 'runSteps']) {
      const declaration = new RegExp(
        `\\n  ${field}\\([^)]*\\): \\w+!? @busEvent\\(([^)]*)\\)`,
      ).exec(sdl);
      expect(declaration?.[1]).toContain(`twin: "${field}"`);
      // byDepartment: the read scope above is the roles' and the token department's, and an
      // agent's (whose scope comes from its own record) stays its own (gateway visibility.ts).
      expect(declaration?.[1]).toContain('visibility: "byDepartment"');
    }
  });
});
