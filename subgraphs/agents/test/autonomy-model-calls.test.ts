import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../src/autonomy/operations/run-task.js';
import type { RouterService } from '../src/router/operations/router-service.js';
import { autonomyHarness, type AutonomyHarness, type RosterAgent } from './autonomy-harness.js';

/*
 * Issue 15: a worker that dies after its model call was answered, but before the answer was
 * checkpointed on the run, costs no second call: the next worker resumes the step under the same
 * idempotency key and gets the router's stored answer. Real Postgres, the offline model.
 */
let h: AutonomyHarness;
let analyst: RosterAgent;
beforeAll(async () => {
  h = await autonomyHarness('autonomy_model_calls');
  const found = h.roster.find((a) => a.slug === 'finance' && a.role === 'DATA_SCOUT');
  if (!found) throw new Error('no scout');
  analyst = found;
});
afterAll(() => h?.close());

/** A router whose worker is killed the moment its call returns, answer in hand. */
function dyingAfterTheAnswer(router: RouterService): RouterService {
  return Object.create(router, {
    route: {
      value: async (...args: Parameters<RouterService['route']>) => {
        await router.route(...args);
        throw new Error('worker killed');
      },
    },
  }) as RouterService;
}

describe('a model call whose worker died before its checkpoint', () => {
  it('is answered from the stored call on resume: one decision, one call', async () => {
    const task = await h.taskFor(analyst, { title: 'Reconcile the November invoices' });
    const before = await h.routerDecisions();
    await expect(
      runTask(h.deps('dead-worker', { router: dyingAfterTheAnswer(h.router) }), task.id),
    ).rejects.toThrow('worker killed');
    expect(await h.routerDecisions()).toBe(before + 1);
    // Its lease runs out; the next worker takes the run over.
    await h.sql.query(
      "update agents.agent_runs set lease_until = now() - interval '1 second' where task_id = $1",
      [task.id],
    );
    await runTask(h.deps('next-worker'), task.id);

    const status = await h.sql.query<{ status: string }>(
      'select status from agents.tasks where id = $1',
      [task.id],
    );
    expect(status.rows[0]?.status).toBe('DONE');
    expect(await h.routerDecisions()).toBe(before + 1);
    const call = await h.sql.query<{ attempts: number; output: { decisionId: string } }>(
      `select s.attempts, s.output from agents.run_steps s join agents.agent_runs r on r.id = s.run_id
        where r.task_id = $1 and s.kind = 'MODEL_CALL'`,
      [task.id],
    );
    expect(call.rows).toHaveLength(1);
    expect(call.rows[0]?.attempts).toBe(2);
    const decision = await h.sql.query<{ id: string; resent: number; status: string }>(
      'select id, resent, status from agents.router_decisions where idempotency_key is not null',
    );
    expect(decision.rows).toEqual([
      { id: call.rows[0]?.output.decisionId, resent: 0, status: 'SUCCEEDED' },
    ]);
  });
});
