import { randomUUID } from 'node:crypto';
import { PgBossJobQueue, Role } from '@daena/platform';
import { graphql, waitFor } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autonomyHarness, type AutonomyHarness } from './autonomy-harness.js';

/*
 * Issue 15 §5: approval gates are data (a task kind, a tool); a run that reaches one parks
 * WAITING_FOR_APPROVAL, and a later request by the department's lead or an executive decides it:
 * approved, the run goes on through the job queue; rejected, the task fails. Who decided, when and
 * why stay on the step. Wrong decisions are typed errors that write nothing.
 */
let h: AutonomyHarness;
let admin: string;
const finance = () => h.roster.find((a) => a.slug === 'finance')?.departmentId ?? '';

beforeAll(async () => {
  h = await autonomyHarness('autonomy_approvals', {
    jobs: (url, stack) => new PgBossJobQueue({ url, log: stack.log, pollingIntervalSeconds: 0.5 }),
  });
  admin = await h.stack.token({ sub: 'admin', roles: [Role.ADMIN] });
});
afterAll(() => h?.close());

interface StepView {
  id: string;
  kind: string;
  status: string;
  output: unknown;
  approval: {
    gate: string;
    name: string;
    decision: string | null;
    decidedBy: string | null;
    decidedAt: string | null;
    reason: string | null;
  } | null;
}
interface TaskView {
  id: string;
  kind: string;
  status: string;
  errorCode: string | null;
  runs: { id: string; status: string; steps: StepView[] }[];
}

const taskFields = `id kind status errorCode runs { id status steps {
  id kind status output approval { gate name decision decidedBy decidedAt reason } } }`;

async function task(id: string): Promise<TaskView> {
  const { body } = await graphql<{ task: TaskView }>(
    h.agents.url,
    `query ($id: ID!) { task(id: $id) { ${taskFields} } }`,
    { id },
    admin,
  );
  if (!body.data?.task) throw new Error(JSON.stringify(body.errors));
  return body.data.task;
}

const taskIn = (id: string, statuses: string[]) =>
  waitFor(async () => {
    const found = await task(id);
    if (!statuses.includes(found.status)) throw new Error(`task ${id} is ${found.status}`);
    return found;
  });

async function gate(subject: 'TASK_KIND' | 'TOOL', name: string, required: boolean, token = admin) {
  return graphql<{ setApprovalGate: { subject: string; name: string }[] }>(
    h.agents.url,
    'mutation ($s: ApprovalGateSubject!, $n: String!, $r: Boolean!) { setApprovalGate(subject: $s, name: $n, required: $r) { subject name } }',
    { s: subject, n: name, r: required },
    token,
  );
}

async function create(kind: string) {
  const { body } = await graphql<{ createTask: { id: string } }>(
    h.agents.url,
    'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    {
      input: {
        title: 'Pay the November invoices',
        kind,
        requiredCapabilities: ['analysis'],
        complexity: 0.2,
        departmentId: finance(),
      },
    },
    admin,
  );
  const id = body.data?.createTask.id;
  if (!id) throw new Error(JSON.stringify(body.errors));
  return id;
}

function decide(
  verb: 'approveStep' | 'rejectStep',
  input: { runId: string; stepId: string; reason: string },
  token: string,
) {
  return graphql<Record<string, StepView>>(
    h.agents.url,
    `mutation ($input: DecideStepInput!) { ${verb}(input: $input) {
      id kind approval { gate name decision decidedBy decidedAt reason } } }`,
    { input },
    token,
  );
}

const waiting = (found: TaskView) => {
  const run = found.runs[0];
  const step = run?.steps.at(-1);
  if (!run || step?.kind !== 'WAIT_FOR_APPROVAL') throw new Error('not at a gate');
  return { runId: run.id, stepId: step.id, step };
};

describe('approval gates', () => {
  it('are data only admins and executives change', async () => {
    const lead = await h.stack.token({
      sub: 'lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'finance',
    });
    expect(
      (await gate('TOOL', 'send_message', true, lead)).body.errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');
    expect(
      (await gate('TOOL', 'launch_rockets', true)).body.errors?.[0]?.extensions?.['reason'],
    ).toBe('GATE_TOOL_UNKNOWN');
    expect(
      (await gate('TASK_KIND', 'Not A Slug', true)).body.errors?.[0]?.extensions?.['reason'],
    ).toBe('TASK_KIND_INVALID');
    const { body } = await gate('TASK_KIND', 'payment', true);
    expect(body.data?.setApprovalGate).toEqual([{ subject: 'TASK_KIND', name: 'payment' }]);
  });

  it('park a gated kind’s run until the department’s lead approves it in a later request', async () => {
    const id = await create('payment');
    const parked = await taskIn(id, ['WAITING_FOR_APPROVAL']);
    expect(parked.kind).toBe('payment');
    const { runId, stepId, step } = waiting(parked);
    // Nothing was spent before the approval: the plan, then the gate.
    expect(parked.runs[0]?.steps.map((s) => s.kind)).toEqual(['PLAN', 'WAIT_FOR_APPROVAL']);
    expect(step.approval).toMatchObject({ gate: 'TASK_KIND', name: 'payment', decision: null });
    expect(parked.runs[0]?.status).toBe('WAITING_FOR_APPROVAL');

    // Wrong decisions: each a typed error, and the step and task stay as they were.
    const otherLead = await h.stack.token({
      sub: 'hr-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'hr',
    });
    const viewer = await h.stack.token({ sub: 'viewer', roles: [Role.VIEWER] });
    const planId = parked.runs[0]?.steps[0]?.id ?? '';
    const wrong: [Parameters<typeof decide>[1], string, string][] = [
      [{ runId, stepId, reason: 'fine' }, otherLead, 'APPROVAL_FORBIDDEN'],
      [{ runId, stepId, reason: 'fine' }, viewer, 'APPROVAL_FORBIDDEN'],
      [{ runId, stepId: planId, reason: 'fine' }, admin, 'STEP_NOT_WAITING'],
      [{ runId, stepId, reason: '   ' }, admin, 'APPROVAL_REASON_REQUIRED'],
      [{ runId: randomUUID(), stepId, reason: 'fine' }, admin, 'RUNSTEP_NOT_FOUND'],
      [{ runId, stepId: `${runId}:99`, reason: 'fine' }, admin, 'RUNSTEP_NOT_FOUND'],
      [{ runId: 'nope', stepId: 'nope', reason: 'fine' }, admin, 'RUNSTEP_NOT_FOUND'],
    ];
    for (const [input, token, reason] of wrong) {
      const { body } = await decide('approveStep', input, token);
      expect(body.errors?.[0]?.extensions?.['reason'], JSON.stringify(input)).toBe(reason);
    }
    const unchanged = await task(id);
    expect(unchanged.status).toBe('WAITING_FOR_APPROVAL');
    expect(waiting(unchanged).step.output).toEqual(step.output);

    const lead = await h.stack.token({
      sub: 'finance-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'finance',
    });
    const approved = await decide('approveStep', { runId, stepId, reason: 'Budgeted in Q4' }, lead);
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data?.['approveStep']?.approval).toMatchObject({
      decision: 'APPROVED',
      decidedBy: 'finance-lead',
      reason: 'Budgeted in Q4',
    });

    // The queue's worker picks the run up again and takes it to its end.
    const done = await taskIn(id, ['DONE', 'FAILED']);
    expect(done.status).toBe('DONE');
    expect(done.runs).toHaveLength(1);
    expect(done.runs[0]?.steps.map((s) => s.kind)).toEqual([
      'PLAN',
      'WAIT_FOR_APPROVAL',
      'MODEL_CALL',
      'TOOL_CALL',
      'COMPLETE',
    ]);
    const audit = done.runs[0]?.steps[1]?.approval;
    expect(audit?.decidedBy).toBe('finance-lead');
    expect(Date.parse(audit?.decidedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // Decided once: a second decision is refused.
    const again = await decide('rejectStep', { runId, stepId, reason: 'changed my mind' }, admin);
    expect(again.body.errors?.[0]?.extensions?.['reason']).toBe('STEP_NOT_WAITING');
  });

  it('hold a gated tool’s call, and a rejection fails the task without the call', async () => {
    await gate('TOOL', 'send_message', true);
    const id = await create('general');
    const parked = await taskIn(id, ['WAITING_FOR_APPROVAL']);
    const { runId, stepId, step } = waiting(parked);
    expect(parked.runs[0]?.steps.map((s) => s.kind)).toEqual([
      'PLAN',
      'MODEL_CALL',
      'WAIT_FOR_APPROVAL',
    ]);
    expect(step.approval).toMatchObject({ gate: 'TOOL', name: 'send_message' });
    const messagesBefore = await h.sql.query('select count(*)::int as n from agents.messages');

    const cfo = await h.stack.token({ sub: 'cfo', roles: [Role.EXECUTIVE] });
    const rejected = await decide(
      'rejectStep',
      { runId, stepId, reason: 'Not to the whole cell' },
      cfo,
    );
    expect(rejected.body.errors).toBeUndefined();
    const failed = await task(id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'APPROVAL_REJECTED' });
    expect(failed.runs[0]?.status).toBe('FAILED');
    expect(failed.runs[0]?.steps.at(-1)?.approval).toMatchObject({
      decision: 'REJECTED',
      decidedBy: 'cfo',
      reason: 'Not to the whole cell',
    });
    const messagesAfter = await h.sql.query('select count(*)::int as n from agents.messages');
    expect(messagesAfter.rows).toEqual(messagesBefore.rows);
    await gate('TOOL', 'send_message', false);
  });
});
