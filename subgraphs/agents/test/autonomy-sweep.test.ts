import { PgBossJobQueue, Role } from '@daena/platform';
import { Events } from '@daena/contracts';
import { freePort, graphql, waitFor } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autonomyHarness, type AutonomyHarness } from './autonomy-harness.js';
import { startDecisionsProcess } from './admin-stack.js';
import { runTask } from '../src/autonomy/operations/run-task.js';

/*
 * Issue 15: a run parked for consensus resumes even when the `proposal.closed` event never
 * reaches the agents (here decisions runs in its own process with no shared bus, so every event
 * is missed): the periodic sweep asks decisions and queues the run. And a paused agent's tasks
 * are queued again the moment it is resumed.
 */
let h: AutonomyHarness;
let admin: string;
let decisionsUrl: string;

beforeAll(async () => {
  const port = await freePort();
  decisionsUrl = `http://127.0.0.1:${port}/graphql`;
  h = await autonomyHarness('autonomy_sweep', {
    jobs: (url, stack) => new PgBossJobQueue({ url, log: stack.log, pollingIntervalSeconds: 0.5 }),
    env: { DECISIONS_URL: decisionsUrl, AUTONOMY_SWEEP_SECONDS: '1' },
  });
  const decisions = await startDecisionsProcess(port, h.stack.database.url, h.agents.url, {
    // A unanimous panel without track records settles in one round (as in the e2e).
    CMP_STOPPING_RULES: '*:0.05:DECIDE',
  });
  h.stack.defer(() => decisions.stop());
  admin = await h.stack.token({ sub: 'admin', roles: [Role.ADMIN] });
}, 120_000);
afterAll(() => h?.close());

interface TaskView {
  status: string;
  runs: { steps: { kind: string; output: unknown }[] }[];
}

const taskIn = (id: string, statuses: string[]) =>
  waitFor(async () => {
    const { body } = await graphql<{ task: TaskView }>(
      h.agents.url,
      'query ($id: ID!) { task(id: $id) { status runs { steps { kind output } } } }',
      { id },
      admin,
    );
    const task = body.data?.task;
    if (!task || !statuses.includes(task.status)) throw new Error(`task is ${task?.status}`);
    return task;
  }, 60_000);

async function createTask(input: Record<string, unknown>): Promise<string> {
  const { body } = await graphql<{ createTask: { id: string } }>(
    h.agents.url,
    'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    { input },
    admin,
  );
  const id = body.data?.createTask.id;
  if (!id) throw new Error(JSON.stringify(body.errors));
  return id;
}

const departmentOf = (slug: string) => h.roster.find((a) => a.slug === slug)?.departmentId;

describe('the autonomy sweep', () => {
  it('resumes a run whose proposal closed while its event went unheard', async () => {
    let closedEvents = 0;
    h.stack.bus.subscribe(Events.proposalClosed, () => void closedEvents++);
    const id = await createTask({
      title: 'Enter the Japanese market',
      requiredCapabilities: ['planning'],
      complexity: 0.9,
      departmentId: departmentOf('product'),
    });
    const parked = await taskIn(id, ['WAITING_FOR_CONSENSUS']);
    const wait = parked.runs[0]?.steps.find((s) => s.kind === 'WAIT_FOR_CONSENSUS');
    const proposalId = (wait?.output as { proposalId: string }).proposalId;

    const { body } = await graphql<{ proposal: { stakeholders: { agent: { id: string } }[] } }>(
      decisionsUrl,
      'query ($id: ID!) { proposal(id: $id) { stakeholders { agent { id } } } }',
      { id: proposalId },
      admin,
    );
    for (const { agent } of body.data?.proposal.stakeholders ?? []) {
      const vote = await graphql(
        decisionsUrl,
        'mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }',
        { input: { proposalId, agentId: agent.id, choice: 'APPROVE', confidence: 0.9 } },
        await h.stack.token({ sub: agent.id, roles: [Role.AGENT] }),
      );
      expect(vote.body.errors).toBeUndefined();
    }

    const done = await taskIn(id, ['DONE', 'FAILED']);
    expect(done.status).toBe('DONE');
    // No event told the agents: the sweep did.
    expect(closedEvents).toBe(0);
    const steps = done.runs[0]?.steps ?? [];
    expect(steps.map((s) => s.kind)).toEqual([
      'PLAN',
      'WAIT_FOR_CONSENSUS',
      'MODEL_CALL',
      'TOOL_CALL',
      'COMPLETE',
    ]);
    expect(steps[1]?.output).toMatchObject({ proposalId, outcome: 'ACCEPTED' });
  });
});

describe('a paused agent', () => {
  it('takes its open task up again as soon as it is resumed', async () => {
    const scout = h.roster.find((a) => a.slug === 'hr' && a.role === 'DATA_SCOUT');
    if (!scout) throw new Error('no scout');
    const control = async (verb: 'pauseAgent' | 'resumeAgent') => {
      const read = await graphql<{ agent: { version: number } }>(
        h.agents.url,
        'query ($id: ID!) { agent(id: $id) { version } }',
        { id: scout.id },
      );
      const { body } = await graphql<Record<string, { status: string }>>(
        h.agents.url,
        `mutation ($id: ID!, $v: Int!) { ${verb}(id: $id, version: $v) { status } }`,
        { id: scout.id, v: read.body.data?.agent.version },
        admin,
      );
      expect(body.errors).toBeUndefined();
    };
    // A task of the paused agent with no job queued (as when its job was given up): resuming the
    // agent queues its run. The sweep would only after AUTONOMY_STALE_TASK_SECONDS (10 minutes).
    await control('pauseAgent');
    const task = await h.taskFor(scout, { title: 'Summarize the exit interviews' });
    await control('resumeAgent');
    const done = await taskIn(task.id, ['DONE', 'FAILED']);
    expect(done.status).toBe('DONE');
  });
});

describe('a run whose worker died', () => {
  it('is queued again by the sweep once its lease lapsed, and finishes without repeating its effect', async () => {
    const scout = h.roster.find((a) => a.slug === 'sales' && a.role === 'DATA_SCOUT');
    if (!scout) throw new Error('no scout');
    const task = await h.taskFor(scout, { title: 'Check the warehouse stock' });
    let dies = true;
    const dieInTool = () => {
      if (dies) {
        dies = false;
        throw new Error('worker killed');
      }
    };
    await expect(runTask(h.deps('dead-worker', {}, dieInTool), task.id)).rejects.toThrow(
      'worker killed',
    );
    // The dead worker's lease runs out (its job would stay active until the queue expires it).
    await h.sql.query(
      "update agents.agent_runs set lease_until = now() - interval '1 second' where task_id = $1",
      [task.id],
    );
    const done = await taskIn(task.id, ['DONE', 'FAILED']);
    expect(done.status).toBe('DONE');
    expect(done.runs).toHaveLength(1);
    const messages = await h.sql.query<{ n: number }>(
      'select count(*)::int as n from agents.messages where from_agent_id = $1',
      [scout.id],
    );
    expect(messages.rows[0]?.n).toBe(1);
  });
});
