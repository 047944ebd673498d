import { PgBossJobQueue } from '@daena/platform';
import { Jobs } from '@daena/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../src/autonomy/operations/run-task.js';
import { autonomyHarness, generousBudgets, type AutonomyHarness } from './autonomy-harness.js';

/*
 * Issue 15 §5: a daily budget starts again the next UTC day, so a run whose model call would pass
 * its agent's day waits for it instead of failing: its checkpoints stay, the refusal is on the
 * call's step, and its job is queued for midnight, where the run goes on from where it stopped.
 */
let h: AutonomyHarness;
beforeAll(async () => {
  h = await autonomyHarness('autonomy_budget_waits', {
    jobs: (url, stack) => new PgBossJobQueue({ url, log: stack.log }),
    // Only this test's own workers run tasks, on its own clock.
    env: { AGENTS_RUN_TASKS: 'false' },
  });
});
afterAll(() => h?.close());

interface StepRow {
  kind: string;
  status: string;
  error_code: string | null;
  output: Record<string, unknown> | null;
  attempts: number;
  tokens: number;
  ended_at: string | null;
}

async function state(taskId: string) {
  const task = await h.sql.query<{ status: string; error_code: string | null }>(
    'select status, error_code from agents.tasks where id = $1',
    [taskId],
  );
  const runs = await h.sql.query<{
    id: string;
    status: string;
    lease_owner: string | null;
    ended_at: string | null;
  }>('select id, status, lease_owner, ended_at::text from agents.agent_runs where task_id = $1', [
    taskId,
  ]);
  const steps = await h.sql.query<StepRow>(
    `select s.kind, s.status, s.error_code, s.output, s.attempts, s.tokens, s.ended_at::text
       from agents.run_steps s join agents.agent_runs r on r.id = s.run_id
      where r.task_id = $1 order by s.seq`,
    [taskId],
  );
  const jobs = await h.sql.query<{ singleton_key: string; start_after: Date }>(
    `select singleton_key, start_after from pgboss.job where name = $1 and data->>'taskId' = $2`,
    [Jobs.taskRun.name, taskId],
  );
  return { task: task.rows[0], runs: runs.rows, steps: steps.rows, jobs: jobs.rows };
}

/** The agent's use of one budget day, and what calls in flight hold of it. */
async function budgetDay(day: string, agentId: string) {
  const { rows } = await h.sql.query<{ tokens: string; reserved_tokens: string }>(
    `select tokens, reserved_tokens from agents.autonomy_budget_days
      where day = $1 and scope = 'AGENT' and scope_id = $2`,
    [day, agentId],
  );
  return { tokens: Number(rows[0]?.tokens ?? 0), reserved: Number(rows[0]?.reserved_tokens ?? 0) };
}

describe('a spent daily budget', () => {
  it('parks the run until the next UTC day, which resumes it without repeating a step', async () => {
    const agent = h.roster.find((a) => a.slug === 'finance' && a.role === 'SYNTHESIZER');
    if (!agent) throw new Error('no synthesizer in finance');
    const budgets = { ...generousBudgets, agentDailyTokens: 50_000 };
    // The agent used all but 10 tokens of 14 March: no call fits in what is left.
    await h.sql.query(
      `insert into agents.autonomy_budget_days (day, scope, scope_id, tokens)
       values ('2031-03-14', 'AGENT', $1, 49990)`,
      [agent.id],
    );
    const task = await h.taskFor(agent);
    const calls = await h.routerDecisions();

    const afternoon = new Date('2031-03-14T15:30:00Z');
    await runTask(h.deps('day-one', { budgets, clock: () => afternoon }), task.id);

    const waiting = await state(task.id);
    expect(waiting.task).toEqual({
      status: 'WAITING_FOR_BUDGET',
      error_code: 'BUDGET_AGENT_DAILY_TOKENS',
    });
    expect(waiting.runs).toMatchObject([
      { status: 'WAITING_FOR_BUDGET', lease_owner: null, ended_at: null },
    ]);
    expect(waiting.steps.map((s) => `${s.kind}:${s.status}:${s.error_code}`)).toEqual([
      'PLAN:DONE:null',
      'MODEL_CALL:STARTED:BUDGET_AGENT_DAILY_TOKENS',
    ]);
    expect(waiting.steps[1]?.output).toEqual({
      deferred: {
        code: 'BUDGET_AGENT_DAILY_TOKENS',
        limit: 50_000,
        used: 49_990,
        reserved: 0,
        needed: expect.any(Number) as number,
        until: '2031-03-15T00:00:00.000Z',
      },
    });
    expect(waiting.jobs).toEqual([
      {
        singleton_key: `${task.id}:budget:2031-03-15`,
        start_after: new Date('2031-03-15T00:00:00.000Z'),
      },
    ]);
    // Nothing else: no call, no reservation, the day's use as it was.
    expect(await h.routerDecisions()).toBe(calls);
    expect(await budgetDay('2031-03-14', agent.id)).toEqual({ tokens: 49_990, reserved: 0 });
    const held = await h.sql.query(
      'select 1 from agents.model_call_reservations where run_id = $1',
      [waiting.runs[0]?.id],
    );
    expect(held.rows).toEqual([]);

    // Midnight: the job's worker resumes the run at its model call.
    const midnight = new Date('2031-03-15T00:00:01Z');
    await runTask(h.deps('day-two', { budgets, clock: () => midnight }), task.id);

    const done = await state(task.id);
    expect(done.task).toEqual({ status: 'DONE', error_code: null });
    expect(done.runs).toMatchObject([{ id: waiting.runs[0]?.id, status: 'SUCCEEDED' }]);
    // The plan was not made again; the call was made on its second attempt, then the run went on.
    const trace = done.steps.map((s) => `${s.kind}:${s.status}:${s.attempts}`);
    expect(trace.slice(0, 2)).toEqual(['PLAN:DONE:1', 'MODEL_CALL:DONE:2']);
    expect(trace.at(-1)).toBe('COMPLETE:DONE:1');
    expect(done.steps[0]?.ended_at).toBe(waiting.steps[0]?.ended_at);
    expect(done.steps[1]?.error_code).toBeNull();
    expect(done.steps[1]?.output).toMatchObject({
      text: expect.any(String) as string,
      deferred: { code: 'BUDGET_AGENT_DAILY_TOKENS', until: '2031-03-15T00:00:00.000Z' },
    });
    expect(await h.routerDecisions()).toBe(calls + 1);
    expect(await budgetDay('2031-03-15', agent.id)).toEqual({
      tokens: done.steps[1]?.tokens,
      reserved: 0,
    });
    expect(await budgetDay('2031-03-14', agent.id)).toEqual({ tokens: 49_990, reserved: 0 });
  });
});
