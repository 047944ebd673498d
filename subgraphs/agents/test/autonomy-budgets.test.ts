import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../src/autonomy/operations/run-task.js';
import {
  autonomyHarness,
  generousBudgets,
  type AutonomyHarness,
  type RosterAgent,
} from './autonomy-harness.js';

/*
 * Issue 15 §5: every model call of a run is held against the run's, the agent's and the
 * department's daily budgets before it is made; one that would exceed any of them is not made
 * and the refusal is on a step of its trace. The run stops with the budget's code, unless a daily
 * budget is spent that the call fits in: then it waits for the next day (autonomy-budget-waits).
 */
let h: AutonomyHarness;
beforeAll(async () => {
  h = await autonomyHarness('autonomy_budgets');
});
afterAll(() => h?.close());

interface StepRow {
  kind: string;
  status: string;
  error_code: string | null;
  output: Record<string, number> | null;
  tokens: number;
}

async function outcome(taskId: string) {
  const task = await h.sql.query<{ status: string; error_code: string | null }>(
    'select status, error_code from agents.tasks where id = $1',
    [taskId],
  );
  const steps = await h.sql.query<StepRow>(
    `select s.kind, s.status, s.error_code, s.output, s.tokens from agents.run_steps s
       join agents.agent_runs r on r.id = s.run_id where r.task_id = $1 order by s.seq`,
    [taskId],
  );
  return { ...task.rows[0], steps: steps.rows };
}

async function day(scope: 'AGENT' | 'DEPARTMENT', id: string) {
  const { rows } = await h.sql.query<{ tokens: string; reserved_tokens: string }>(
    'select tokens, reserved_tokens from agents.autonomy_budget_days where scope = $1 and scope_id = $2',
    [scope, id],
  );
  return { tokens: Number(rows[0]?.tokens ?? 0), reserved: Number(rows[0]?.reserved_tokens ?? 0) };
}

const agentOf = (slug: string, role: string): RosterAgent => {
  const agent = h.roster.find((a) => a.slug === slug && a.role === role);
  if (!agent) throw new Error(`no ${role} in ${slug}`);
  return agent;
};

describe('budgets of model calls', () => {
  it('stops a run whose call is bigger than the agent’s whole day, and waits for room', async () => {
    const scout = agentOf('finance', 'DATA_SCOUT');
    const run = (agentDailyTokens: number, owner: string) =>
      h.taskFor(scout).then(async (task) => {
        await runTask(
          h.deps(owner, { budgets: { ...generousBudgets, agentDailyTokens } }),
          task.id,
        );
        return outcome(task.id);
      });

    const calls = await h.routerDecisions();
    const refused = await run(1, 'w1');
    expect(refused).toMatchObject({ status: 'FAILED', error_code: 'BUDGET_AGENT_DAILY_TOKENS' });
    expect(refused.steps.map((s) => `${s.kind}:${s.status}:${s.error_code}`)).toEqual([
      'PLAN:DONE:null',
      'MODEL_CALL:REFUSED:BUDGET_AGENT_DAILY_TOKENS',
    ]);
    const needed = refused.steps[1]?.output?.['needed'] ?? 0;
    expect(refused.steps[1]?.output).toMatchObject({ limit: 1, used: 0, reserved: 0 });
    expect(needed).toBeGreaterThan(400);
    expect(await h.routerDecisions()).toBe(calls);
    expect(await day('AGENT', scout.id)).toEqual({ tokens: 0, reserved: 0 });

    // A limit of exactly the call's worst case lets it through; what it used is counted.
    const done = await run(needed, 'w2');
    expect(done.status).toBe('DONE');
    const used = (await day('AGENT', scout.id)).tokens;
    expect(used).toBe(done.steps[1]?.tokens);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(needed);

    // The same call again: one token short of room waits for the next day, exactly room does not.
    expect(await run(used + needed - 1, 'w3')).toMatchObject({
      status: 'WAITING_FOR_BUDGET',
      error_code: 'BUDGET_AGENT_DAILY_TOKENS',
    });
    expect((await run(used + needed, 'w4')).status).toBe('DONE');
    expect(await h.routerDecisions()).toBe(calls + 2);
    const after = await day('AGENT', scout.id);
    expect(after.reserved).toBe(0);
    expect(after.tokens).toBeLessThanOrEqual(used + needed);
  });

  it('stops a run at the run’s own token budget', async () => {
    const task = await h.taskFor(agentOf('hr', 'DATA_SCOUT'));
    await runTask(h.deps('w5', { budgets: { ...generousBudgets, runTokens: 100 } }), task.id);
    const stopped = await outcome(task.id);
    expect(stopped).toMatchObject({ status: 'FAILED', error_code: 'BUDGET_RUN_TOKENS' });
    expect(stopped.steps[1]).toMatchObject({ kind: 'MODEL_CALL', status: 'REFUSED', tokens: 0 });
  });

  it('never lets a department’s agents together pass its day, however their runs interleave', async () => {
    const limit = 3_000;
    const department = h.roster.filter((agent) => agent.slug === 'legal');
    expect(department.length).toBeGreaterThan(4);
    const calls = await h.routerDecisions();
    const budgets = { ...generousBudgets, departmentDailyTokens: limit };
    // Every agent of the department works three tasks in a row, all agents at once.
    const results = await Promise.all(
      department.map(async (agent, index) => {
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          const task = await h.taskFor(agent, { title: `Review contract ${i}` });
          await runTask(h.deps(`legal-${index}`, { budgets }), task.id);
          ids.push(task.id);
        }
        return Promise.all(ids.map(outcome));
      }),
    );
    const all = results.flat();
    const done = all.filter((task) => task.status === 'DONE');
    const waiting = all.filter((task) => task.status !== 'DONE');
    expect(done.length).toBeGreaterThan(0);
    expect(waiting.length).toBeGreaterThan(0);
    for (const task of waiting) {
      expect(task).toMatchObject({
        status: 'WAITING_FOR_BUDGET',
        error_code: 'BUDGET_DEPARTMENT_DAILY_TOKENS',
      });
      expect(task.steps.at(-1)).toMatchObject({
        kind: 'MODEL_CALL',
        status: 'STARTED',
        error_code: 'BUDGET_DEPARTMENT_DAILY_TOKENS',
      });
    }
    // Calls made are exactly the runs that finished, and their tokens fit in the day.
    expect(await h.routerDecisions()).toBe(calls + done.length);
    const spent = await day('DEPARTMENT', department[0]?.departmentId ?? '');
    expect(spent.reserved).toBe(0);
    expect(spent.tokens).toBe(done.reduce((sum, task) => sum + (task.steps[1]?.tokens ?? 0), 0));
    expect(spent.tokens).toBeLessThanOrEqual(limit);
  });
});
