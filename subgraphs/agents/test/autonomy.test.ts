import { randomUUID } from 'node:crypto';
import {
  createPostgresStore,
  PgBossJobQueue,
  requestConnection,
  Role,
  type Principal,
  type RunningService,
} from '@daena/platform';
import { graphql, testPool, testStack, waitFor, type TestStack } from '@daena/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgentsConfig } from '../src/config.js';
import { createAgentsService } from '../src/service.js';
import { unreachableServices } from './start-agents.js';
import { createAgentsContext } from '../src/request/context.js';
import { createRouterService } from '../src/router/operations/create-router-service.js';
import { HttpDecisionsDirectory } from '../src/organization/store/decisions-directory.js';
import { HttpDecisionsEscalation } from '../src/autonomy/store/decisions-escalation.js';
import { runTask } from '../src/autonomy/operations/run-task.js';
import { TaskRepository } from '../src/autonomy/store/task-repository.js';
import { TaskSource } from '../src/autonomy/domain/task.js';
import { migrations } from '../src/store/migrations/index.js';
import { generousBudgets } from './autonomy-harness.js';

let stack: TestStack;
let agents: RunningService;
let sql: pg.Pool;
let admin: string;
const departments = new Map<string, string>();

interface AgentView {
  id: string;
  role: string;
  status: string;
  department: { id: string; slug: string };
}
let roster: AgentView[] = [];
let jobs: PgBossJobQueue;

beforeAll(async () => {
  stack = await testStack('autonomy');
  jobs = new PgBossJobQueue({
    url: stack.database.url,
    log: stack.log,
    pollingIntervalSeconds: 0.5,
  });
  agents = await stack.start(
    createAgentsService({
      config: loadAgentsConfig({
        DATABASE_URL: stack.database.url,
        AGENTS_ANSWER_VOTE_REQUESTS: 'false',
        ...unreachableServices,
      }),
      ...stack.dependencies,
      jobs,
    }),
  );
  sql = testPool(stack.database.url);
  stack.defer(() => sql.end());
  admin = await stack.token({ sub: 'admin', roles: [Role.ADMIN] });
  const { body } = await graphql<{ agents: AgentView[] }>(
    agents.url,
    '{ agents { id role status department { id slug } } }',
  );
  roster = body.data?.agents ?? [];
  for (const agent of roster) departments.set(agent.department.slug, agent.department.id);
});
afterAll(() => stack?.close());

const taskFields = `id status result errorCode spentUsd source assignee { id role }
  runs { id status steps { seq kind status attempts model output errorCode } }`;

interface TaskView {
  id: string;
  status: string;
  result: string | null;
  errorCode: string | null;
  spentUsd: number;
  source: string;
  assignee: { id: string; role: string };
  runs: {
    id: string;
    status: string;
    steps: {
      seq: number;
      kind: string;
      status: string;
      attempts: number;
      model: string | null;
      output: unknown;
      errorCode: string | null;
    }[];
  }[];
}

async function createTask(input: Record<string, unknown>, token = admin) {
  return graphql<{ createTask: TaskView }>(
    agents.url,
    `mutation ($input: CreateTaskInput!) { createTask(input: $input) { ${taskFields} } }`,
    { input },
    token,
  );
}

async function taskById(id: string): Promise<TaskView> {
  const { body } = await graphql<{ task: TaskView }>(
    agents.url,
    `query ($id: ID!) { task(id: $id) { ${taskFields} } }`,
    { id },
    admin,
  );
  if (!body.data?.task) throw new Error(`no task ${id}: ${JSON.stringify(body.errors)}`);
  return body.data.task;
}

async function routerDecisions(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    'select count(*)::int as n from agents.router_decisions',
  );
  return rows[0]?.n ?? 0;
}

/** The task once its run stopped (done, failed or waiting); throws before, for `waitFor`. */
async function finishedTask(id: string): Promise<TaskView> {
  const task = await taskById(id);
  if (!finished(task)) throw new Error(`task ${id} is still ${task.status}`);
  return task;
}

const finished = (task: TaskView) =>
  ['DONE', 'FAILED', 'WAITING_FOR_CONSENSUS'].includes(task.status);

describe('a task a person creates', () => {
  it('goes to the capable agent with the least work, which runs it to a result without help', async () => {
    const { body } = await createTask({
      title: 'Weekly churn analysis',
      description: 'Collect last week’s churn numbers and summarize what changed.',
      requiredCapabilities: ['Data Collection', 'analysis'],
      complexity: 0.2,
      departmentId: departments.get('customer-success'),
      budgetUsd: 0.5,
    });
    expect(body.errors).toBeUndefined();
    const created = body.data?.createTask;
    if (!created) throw new Error('no task');
    expect(created.status).toBe('QUEUED');
    expect(created.source).toBe('PERSON');
    // Only the Data Scout has both capabilities.
    expect(created.assignee.role).toBe('DATA_SCOUT');

    const done = await waitFor(() => finishedTask(created.id));
    expect(done.status).toBe('DONE');
    expect(done.result?.length).toBeGreaterThan(0);
    const [run] = done.runs;
    expect(run?.status).toBe('SUCCEEDED');
    expect(run?.steps.map((step) => `${step.kind}:${step.status}`)).toEqual([
      'PLAN:DONE',
      'MODEL_CALL:DONE',
      'TOOL_CALL:DONE',
      'COMPLETE:DONE',
    ]);
    expect(run?.steps[1]?.model).toBeTruthy();
    // The report went to the agent's cell through the message fabric.
    const messageId = (run?.steps[2]?.output as { messageId: string }).messageId;
    const { rows } = await sql.query<{ topic: string; from_agent_id: string }>(
      'select topic, from_agent_id from agents.messages where id = $1',
      [messageId],
    );
    expect(rows).toEqual([{ topic: 'CELL', from_agent_id: created.assignee.id }]);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const before = await sql.query('select count(*)::int as n from agents.tasks');
    const engineering = departments.get('engineering');
    const paused = roster.find(
      (agent) => agent.department.slug === 'engineering' && agent.role === 'DATA_SCOUT',
    );
    if (!paused) throw new Error('no data scout');
    await sql.query("update agents.agents set status = 'PAUSED' where id = $1", [paused.id]);
    const viewer = await stack.token({ sub: 'viewer', roles: [Role.VIEWER] });
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ requiredCapabilities: ['time travel'] }, 'TASK_CAPABILITY_UNKNOWN'],
      [{ budgetUsd: -1 }, 'TASK_BUDGET_INVALID'],
      [{ complexity: 1.5 }, 'TASK_COMPLEXITY_INVALID'],
      [{ title: '   ' }, 'TASK_TITLE_INVALID'],
      [{ parentId: randomUUID() }, 'TASK_NOT_FOUND'],
      [{ departmentId: randomUUID() }, 'DEPARTMENT_NOT_FOUND'],
      [{ departmentId: 'not-a-uuid' }, 'DEPARTMENT_NOT_FOUND'],
      [{ assigneeId: paused.id }, 'ASSIGNEE_UNAVAILABLE'],
      [{ deadline: '2001-01-01T00:00:00Z' }, 'TASK_DEADLINE_PAST'],
      [{}, 'TASK_CREATE_FORBIDDEN', viewer],
    ];
    for (const [change, reason, token] of cases) {
      const { body } = await createTask(
        { title: 'A task', departmentId: engineering, ...change },
        token ?? admin,
      );
      expect(body.errors?.[0]?.extensions?.['reason'], JSON.stringify(change)).toBe(reason);
    }
    const after = await sql.query('select count(*)::int as n from agents.tasks');
    expect(after.rows[0]).toEqual(before.rows[0]);
    await sql.query("update agents.agents set status = 'IDLE' where id = $1", [paused.id]);
  });
});

describe('runs on workers', () => {
  let store: ReturnType<typeof createPostgresStore>;
  let router: ReturnType<typeof createRouterService>;
  let decisions: HttpDecisionsDirectory;
  let scouts: Map<string, AgentView>;

  beforeAll(async () => {
    const log = stack.log;
    store = createPostgresStore({ schema: 'agents', url: stack.database.url, migrations, log });
    await store.connect();
    stack.defer(() => store.close());
    router = createRouterService({
      config: loadAgentsConfig({ DATABASE_URL: stack.database.url }),
      log,
      bus: stack.bus,
      fork: () => store.fork(),
      jwtSecret: stack.dependencies.jwtSecret,
    });
    await router.service.start();
    stack.defer(() => router.service.stop());
    decisions = new HttpDecisionsDirectory({
      url: 'http://127.0.0.1:9/graphql',
      timeoutMs: 100,
      log,
    });
    scouts = new Map(
      roster
        .filter((agent) => agent.role === 'DATA_SCOUT')
        .map((agent) => [agent.department.slug, agent]),
    );
  });

  /** A worker's dependencies; `beforeTool` runs as its tool calls begin (a test's fault). */
  const deps = (owner: string, beforeTool: () => void = () => undefined) => ({
    fork: () => store.fork(),
    contextFor: (principal: Principal, em: ReturnType<typeof store.fork>) => {
      beforeTool();
      return createAgentsContext(principal, em, {
        bus: stack.bus,
        log: stack.log,
        decisions,
        router: router.service,
      });
    },
    router: router.service,
    bus: stack.bus,
    log: stack.log,
    owner,
    leaseSeconds: 30,
    maxOutputTokens: 400,
    escalation: new HttpDecisionsEscalation({
      url: 'http://127.0.0.1:9/graphql',
      timeoutMs: 100,
      log: stack.log,
    }),
    jwtSecret: stack.dependencies.jwtSecret,
    budgets: generousBudgets,
    jobs,
  });

  /** A task written without a job, so only this test's workers run it. */
  const taskFor = (department: string) => {
    const scout = scouts.get(department);
    if (!scout) throw new Error(`no data scout in ${department}`);
    return new TaskRepository(requestConnection(store.fork())).insert({
      id: randomUUID(),
      title: 'Reconcile the invoices',
      description: 'Match November invoices against payments.',
      requiredCapabilities: ['analysis'],
      complexity: 0.2,
      priority: 2,
      departmentId: scout.department.id,
      assigneeId: scout.id,
      deadline: null,
      budgetUsd: 1,
      parentId: null,
      source: TaskSource.PERSON,
      createdBy: 'test',
    });
  };

  it('resumes on another worker from its checkpoints: no model call and no message twice', async () => {
    const task = await taskFor('finance');
    // The first worker dies inside its first tool call: the transaction with the effect never
    // commits, so the step stays STARTED.
    let dieInTool = true;
    const killed = () => {
      if (dieInTool) {
        dieInTool = false;
        throw new Error('worker killed');
      }
    };
    const decisionsBefore = await routerDecisions();
    await expect(runTask(deps('worker-a', killed), task.id)).rejects.toThrow('worker killed');
    // worker-a still holds the run: another worker is turned away until its lease lapses.
    await expect(runTask(deps('worker-b'), task.id)).rejects.toThrow('the run is busy');
    await sql.query(
      "update agents.agent_runs set lease_until = now() - interval '1 second' where task_id = $1",
      [task.id],
    );
    await runTask(deps('worker-b'), task.id);

    const done = await taskById(task.id);
    expect(done.status).toBe('DONE');
    const steps = done.runs[0]?.steps ?? [];
    expect(done.runs).toHaveLength(1);
    expect(steps.map((step) => [step.kind, step.status, step.attempts])).toEqual([
      ['PLAN', 'DONE', 1],
      ['MODEL_CALL', 'DONE', 1],
      ['TOOL_CALL', 'DONE', 2],
      ['COMPLETE', 'DONE', 1],
    ]);
    // One routed model call in all, by the count of the router's own decision log.
    expect(await routerDecisions()).toBe(decisionsBefore + 1);
    const messages = await sql.query<{ n: number }>(
      'select count(*)::int as n from agents.messages where from_agent_id = $1',
      [task.assigneeId],
    );
    expect(messages.rows[0]?.n).toBe(1);
    const effects = await sql.query<{ n: number }>(
      'select count(*)::int as n from agents.tool_effects where idempotency_key like $1',
      [`${done.runs[0]?.id}:%`],
    );
    expect(effects.rows[0]?.n).toBe(1);
  });

  it('stops every run before its next step while halted, and goes on when resumed', async () => {
    const lead = await stack.token({
      sub: 'lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'hr',
    });
    const halt = (reason: string, token = admin) =>
      graphql<{ haltAutonomy: { halted: boolean; reason: string; changedBy: string } }>(
        agents.url,
        'mutation ($reason: String!) { haltAutonomy(reason: $reason) { halted reason changedBy } }',
        { reason },
        token,
      );
    expect((await halt('audit', lead)).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await halt('  ')).body.errors?.[0]?.extensions?.['reason']).toBe(
      'HALT_REASON_REQUIRED',
    );
    const halted = await halt('Quarter-end freeze');
    expect(halted.body.data?.haltAutonomy).toEqual({
      halted: true,
      reason: 'Quarter-end freeze',
      changedBy: 'admin',
    });

    const task = await taskFor('hr');
    await expect(runTask(deps('worker-c'), task.id)).rejects.toThrow('autonomy is halted');
    const steps = await sql.query(
      'select 1 from agents.run_steps s join agents.agent_runs r on r.id = s.run_id where r.task_id = $1',
      [task.id],
    );
    expect(steps.rowCount).toBe(0);

    const resumed = await graphql<{ resumeAutonomy: { halted: boolean } }>(
      agents.url,
      'mutation { resumeAutonomy { halted } }',
      {},
      admin,
    );
    expect(resumed.body.data?.resumeAutonomy.halted).toBe(false);
    await runTask(deps('worker-c'), task.id);
    expect((await taskById(task.id)).status).toBe('DONE');
  });
});
