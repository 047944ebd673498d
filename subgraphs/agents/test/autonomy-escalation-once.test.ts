import { freePort } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../src/autonomy/operations/run-task.js';
import {
  HttpDecisionsEscalation,
  type DecisionsEscalation,
} from '../src/autonomy/store/decisions-escalation.js';
import { startDecisionsProcess } from './admin-stack.js';
import { autonomyHarness, type AutonomyHarness, type RosterAgent } from './autonomy-harness.js';

/*
 * Issue 15: a worker killed after decisions committed its escalation's draft, but before agents
 * recorded the draft's id, leaves no stray draft: the next worker resumes the step under the same
 * idempotency key, decisions answers with the draft it already has, and the run opens that one
 * proposal, once. Real Postgres, agents and decisions (in its own process).
 */
let h: AutonomyHarness;
let advisor: RosterAgent;
let escalation: HttpDecisionsEscalation;

beforeAll(async () => {
  const port = await freePort();
  h = await autonomyHarness('autonomy_escalation_once');
  const decisions = await startDecisionsProcess(port, h.stack.database.url, h.agents.url);
  h.stack.defer(() => decisions.stop());
  escalation = new HttpDecisionsEscalation({
    url: `http://127.0.0.1:${port}/graphql`,
    timeoutMs: 10_000,
    log: h.stack.log,
  });
  const found = h.roster.find((a) => a.slug === 'product' && a.role === 'STRATEGIC_ADVISOR');
  if (!found) throw new Error('no strategic advisor');
  advisor = found;
}, 120_000);
afterAll(() => h?.close());

/** Decisions as seen by a worker killed the moment its draft was created, answer in hand. */
function dyingAfterTheDraft(inner: DecisionsEscalation): DecisionsEscalation {
  return Object.create(inner, {
    draft: {
      value: async (...args: Parameters<DecisionsEscalation['draft']>) => {
        await inner.draft(...args);
        throw new Error('worker killed');
      },
    },
  }) as DecisionsEscalation;
}

const proposalsOf = async (agentId: string) =>
  (
    await h.sql.query<{ id: string; status: string }>(
      'select id, status from decisions.proposals where created_by = $1',
      [agentId],
    )
  ).rows;

describe('an escalation whose worker died between decisions’ draft and its own record', () => {
  it('gets the same draft back on resume and opens it once', async () => {
    // Above a Strategic Advisor's autonomy: the run's first act is to propose it to CMP.
    const task = await h.taskFor(advisor, { title: 'Enter the Japanese market', complexity: 0.9 });
    await expect(
      runTask(h.deps('dead-worker', { escalation: dyingAfterTheDraft(escalation) }), task.id),
    ).rejects.toThrow('worker killed');
    // Decisions committed the draft; agents recorded nothing.
    const [draft] = await proposalsOf(advisor.id);
    expect(draft?.status).toBe('DRAFT');
    const recorded = await h.sql.query(
      `select 1 from agents.tool_effects e join agents.agent_runs r
          on e.idempotency_key like r.id || ':%' where r.task_id = $1`,
      [task.id],
    );
    expect(recorded.rows).toEqual([]);

    // Its lease runs out; the next worker takes the run over.
    await h.sql.query(
      "update agents.agent_runs set lease_until = now() - interval '1 second' where task_id = $1",
      [task.id],
    );
    await runTask(h.deps('next-worker', { escalation }), task.id);

    expect(await proposalsOf(advisor.id)).toEqual([{ id: draft?.id, status: 'OPEN' }]);
    const transitions = await h.sql.query<{ from_status: string | null; to_status: string }>(
      `select from_status, to_status from decisions.proposal_transitions
        where proposal_id = $1 order by seq`,
      [draft?.id],
    );
    expect(transitions.rows).toEqual([
      { from_status: null, to_status: 'DRAFT' },
      { from_status: 'DRAFT', to_status: 'OPEN' },
    ]);
    const wait = await h.sql.query<{ output: { proposalId: string }; status: string }>(
      `select s.output, t.status from agents.run_steps s
         join agents.agent_runs r on r.id = s.run_id join agents.tasks t on t.id = r.task_id
        where r.task_id = $1 and s.kind = 'WAIT_FOR_CONSENSUS'`,
      [task.id],
    );
    expect(wait.rows).toEqual([
      {
        output: expect.objectContaining({ proposalId: draft?.id }),
        status: 'WAITING_FOR_CONSENSUS',
      },
    ]);
  });
});
