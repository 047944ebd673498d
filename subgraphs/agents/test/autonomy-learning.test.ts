import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../src/autonomy/operations/run-task.js';
import { autonomyHarness, type AutonomyHarness, type RosterAgent } from './autonomy-harness.js';

/*
 * Issue 15: an agent that does again what a run of the same task (or of the task it follows up)
 * already did is stopped, not obeyed; and every finished task's outcome goes back to the router as
 * the `task` signal of the routed call that planned it (issue 18's recordOutcome).
 */
let h: AutonomyHarness;
let scout: RosterAgent;
beforeAll(async () => {
  h = await autonomyHarness('autonomy_learning');
  const found = h.roster.find((a) => a.slug === 'marketing' && a.role === 'DATA_SCOUT');
  if (!found) throw new Error('no scout');
  scout = found;
});
afterAll(() => h?.close());

async function runOf(taskId: string) {
  const task = await h.sql.query<{ status: string; error_code: string | null }>(
    'select status, error_code from agents.tasks where id = $1',
    [taskId],
  );
  const steps = await h.sql.query<{
    kind: string;
    status: string;
    output: Record<string, unknown>;
  }>(
    `select s.kind, s.status, s.output from agents.run_steps s
       join agents.agent_runs r on r.id = s.run_id where r.task_id = $1 order by s.seq`,
    [taskId],
  );
  const decisionId = steps.rows.find((s) => s.kind === 'MODEL_CALL')?.output['decisionId'];
  const signals = await h.sql.query<{ source: string; quality: number }>(
    'select source, quality from agents.router_decision_signals where decision_id = $1',
    [decisionId],
  );
  return { ...task.rows[0], steps: steps.rows, signals: signals.rows };
}

const sent = async () =>
  (
    await h.sql.query<{ n: number }>(
      'select count(*)::int as n from agents.messages where from_agent_id = $1',
      [scout.id],
    )
  ).rows[0]?.n;

describe('what runs teach and what they may not repeat', () => {
  it('tells the router a finished task went well', async () => {
    const task = await h.taskFor(scout, { title: 'Count the campaign sign-ups' });
    await runTask(h.deps('w1'), task.id);
    const done = await runOf(task.id);
    expect(done.status).toBe('DONE');
    expect(done.signals).toEqual([{ source: 'task', quality: 1 }]);
  });

  it('stops a follow-up that would repeat its parent’s action, and scores the call 0', async () => {
    const parent = await h.taskFor(scout, { title: 'Tally the newsletter opens' });
    await runTask(h.deps('w2'), parent.id);
    expect((await runOf(parent.id)).status).toBe('DONE');
    const before = await sent();

    // The same work again under it: the same plan, the same answer, the same message.
    const child = await h.taskFor(scout, {
      title: 'Tally the newsletter opens',
      parentId: parent.id,
    });
    await runTask(h.deps('w3'), child.id);
    const stopped = await runOf(child.id);
    expect(stopped).toMatchObject({ status: 'FAILED', error_code: 'REPEATED_ACTION' });
    expect(stopped.steps.map((s) => `${s.kind}:${s.status}`)).toEqual([
      'PLAN:DONE',
      'MODEL_CALL:DONE',
      'TOOL_CALL:REFUSED',
    ]);
    expect(stopped.steps[2]?.output).toMatchObject({ taskId: parent.id });
    expect(await sent()).toBe(before);
    expect(stopped.signals).toEqual([{ source: 'task', quality: 0 }]);
  });
});
