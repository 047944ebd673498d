import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { Jobs } from '@daena/contracts';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { createMetricsService, loadMetricsConfig } from '@daena/metrics';
import { InProcessEventBus, PgBossJobQueue, Role, type RunningService } from '@daena/platform';
import {
  freePort,
  graphql,
  taskFromSource,
  tasksFromSource,
  testToken,
  waitFor,
  type TestStack,
} from '@daena/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAnswerDroppingProxy,
  type AnswerDroppingProxy,
} from '../src/answer-dropping-proxy.js';
import {
  departmentIds,
  knowledgeBeforeAgents,
  writeEntryAsLead,
} from '../src/autonomy-services.js';

/*
 * Issue 15: the bus is at most once, so agents' sweep reads back from their owners the new
 * entries, firing alerts and accepted proposals whose events it never heard. Here agents listens
 * on a bus of its own, so it hears none of knowledge's, metrics' or decisions' events: every task
 * below comes from the sweep (every second), once per source however many sweeps read it. A
 * source that is down is skipped with its cursor where it was, and caught up once it is back.
 * Real Postgres, Neo4j, knowledge, metrics, decisions and agents with its job queue.
 */
let stack: TestStack;
let sql: pg.Pool;
let decisions: RunningService;
let knowledge: RunningService;
let knowledgeProxy: AnswerDroppingProxy;
let departments: Map<string, string>;

beforeAll(async () => {
  const opened = await knowledgeBeforeAgents('e2e_autonomy_catch_up');
  ({ stack, sql, knowledge } = opened);
  // Agents reads knowledge through this proxy, which a test points nowhere to take knowledge down.
  knowledgeProxy = await startAnswerDroppingProxy(() => false);
  knowledgeProxy.target = knowledge.url;
  stack.defer(() => knowledgeProxy.close());
  const metrics = await stack.start(
    createMetricsService({
      config: loadMetricsConfig({
        DATABASE_URL: stack.database.url,
        METRICS_SCRAPE_INTERVAL_SECONDS: '0',
      }),
      ...stack.dependencies,
    }),
  );
  const decisionsPort = await freePort();
  // Agents on a bus of its own: none of the other services' events reach it.
  const agentsBus = new InProcessEventBus(stack.log);
  stack.defer(() => agentsBus.close());
  const jobs = new PgBossJobQueue({
    url: stack.database.url,
    log: stack.log,
    pollingIntervalSeconds: 0.5,
  });
  const agents = await stack.start(
    createAgentsService({
      config: loadAgentsConfig({
        DATABASE_URL: stack.database.url,
        AGENTS_ANSWER_VOTE_REQUESTS: 'false',
        AUTONOMY_SWEEP_SECONDS: '1',
        KNOWLEDGE_URL: knowledgeProxy.url,
        METRICS_URL: metrics.url,
        DECISIONS_URL: `http://127.0.0.1:${decisionsPort}/graphql`,
      }),
      ...stack.dependencies,
      bus: agentsBus,
      jobs,
    }),
    opened.agentsPort,
  );
  decisions = await stack.start(
    createDecisionsService({
      config: loadDecisionsConfig({
        DATABASE_URL: stack.database.url,
        AGENTS_URL: agents.url,
        // A unanimous panel without track records settles in one round (as in the e2e).
        CMP_STOPPING_RULES: '*:0.05:DECIDE',
      }),
      ...stack.dependencies,
    }),
    decisionsPort,
  );
  departments = await departmentIds(agents.url);
}, 180_000);
afterAll(() => stack?.close());

/** A person's new entry, written straight to knowledge (not through agents' proxy). */
function writeEntry(department: string, title: string): Promise<string> {
  return writeEntryAsLead(knowledge.url, department, {
    title,
    body: `${title}: what the department learned this week.`,
    accessLevel: 'CONFIDENTIAL',
  });
}

/**
 * An alert of a rule the evaluator does not run (so it never resolves it), firing in metrics'
 * store as the evaluator stores one; returns the transition that made it fire.
 */
async function fireAlert(fingerprint: string, department: string): Promise<string> {
  const labels = { alertname: 'CatchUpProbe', departmentId: departments.get(department) };
  await sql.query(
    `insert into metrics.alerts (id, rule, severity, state, labels, annotations, value, active_at,
                                 updated_at)
     values ($1, 'CatchUpProbe', 'warning', 'FIRING', $2, '{}', 1, now(), now())`,
    [fingerprint, JSON.stringify(labels)],
  );
  const { rows } = await sql.query<{ id: string }>(
    `insert into metrics.alert_transitions (alert_id, from_state, to_state, value, at)
     values ($1, null, 'PENDING', 1, now()), ($1, 'PENDING', 'FIRING', 1, now())
     returning id`,
    [fingerprint],
  );
  const fired = rows[1]?.id;
  if (!fired) throw new Error('no transition stored');
  return fired;
}

/** A proposal of `department` that every stakeholder approves: CMP accepts it. */
async function acceptProposal(department: string, title: string): Promise<string> {
  const executive = await testToken({ sub: 'executive', roles: [Role.EXECUTIVE] });
  const opened = await graphql<{
    openProposal: { id: string; stakeholders: { agent: { id: string } }[] };
  }>(
    decisions.url,
    `
      mutation ($input: OpenProposalInput!) {
        openProposal(input: $input) {
          id
          stakeholders {
            agent {
              id
            }
          }
        }
      }
    `,
    { input: { title, departmentId: departments.get(department) } },
    executive,
  );
  const proposal = opened.body.data?.openProposal;
  if (!proposal) throw new Error(JSON.stringify(opened.body.errors));
  let status = '';
  for (const { agent } of proposal.stakeholders) {
    const vote = await graphql<{ castVote: { proposal: { status: string } } }>(
      decisions.url,
      'mutation ($input: CastVoteInput!) { castVote(input: $input) { proposal { status } } }',
      { input: { proposalId: proposal.id, agentId: agent.id, choice: 'APPROVE', confidence: 0.9 } },
      await testToken({ sub: agent.id, roles: [Role.AGENT] }),
    );
    status = vote.body.data?.castVote.proposal.status ?? JSON.stringify(vote.body.errors);
  }
  expect(status).toBe('ACCEPTED');
  return proposal.id;
}

const tasksFrom = (sourceRef: string) => tasksFromSource(sql, sourceRef);
const taskFrom = (sourceRef: string) => taskFromSource(sql, sourceRef, 60_000);

/** How many sweeps agents finished so far, by its job queue. */
async function sweepsDone(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    "select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'",
    [Jobs.autonomySweep.name],
  );
  return rows[0]?.n ?? 0;
}

/** Waits until `count` more sweeps have finished, each begun after this call at the latest. */
async function moreSweeps(count: number): Promise<void> {
  // The sweep running now may have read its sources before the call: it does not count.
  const target = (await sweepsDone()) + count + 1;
  await waitFor(async () => {
    const done = await sweepsDone();
    if (done < target) throw new Error(`${done} sweeps of ${target}`);
  }, 60_000);
}

async function knowledgeCursor(): Promise<{ position: Date; updated_at: Date }> {
  const { rows } = await sql.query<{ position: Date; updated_at: Date }>(
    "select position, updated_at from agents.scan_cursors where source = 'knowledge'",
  );
  const cursor = rows[0];
  if (!cursor) throw new Error('no knowledge cursor');
  return cursor;
}

describe('the autonomy sweep’s catch-up', () => {
  it('makes one task of each entry, alert and accepted proposal whose event agents never heard', async () => {
    const entryId = await writeEntry('finance', 'Supplier terms changed');
    const fired = await fireAlert('00c0ffee00c0ffee', 'sales');
    const proposalId = await acceptProposal('product', 'Ship the annual plan');

    expect(await taskFrom(`knowledge:${entryId}`)).toMatchObject([
      { source: 'AGENT_SCAN', slug: 'finance', role: 'SYNTHESIZER' },
    ]);
    expect(await taskFrom(`alert:${fired}`)).toMatchObject([
      { source: 'AGENT_SCAN', slug: 'sales', role: 'RESEARCH_SCOUT' },
    ]);
    expect(await taskFrom(`proposal:${proposalId}`)).toMatchObject([
      { source: 'AGENT_SCAN', slug: 'product' },
    ]);

    // Later sweeps read the same sources again (the alert still fires, cursors overlap): no more.
    await moreSweeps(2);
    for (const ref of [`knowledge:${entryId}`, `alert:${fired}`, `proposal:${proposalId}`]) {
      expect(await tasksFrom(ref)).toHaveLength(1);
    }
  });

  it('leaves a source that is down where it was, catches up on the others, and on it once back', async () => {
    knowledgeProxy.target = 'http://127.0.0.1:9/graphql';
    await moreSweeps(1);
    const before = await knowledgeCursor();

    const entryId = await writeEntry('legal', 'Contract template revised');
    const fired = await fireAlert('00decade00decade', 'hr');
    const proposalId = await acceptProposal('marketing', 'Rename the newsletter');
    await taskFrom(`alert:${fired}`);
    await taskFrom(`proposal:${proposalId}`);
    await moreSweeps(1);

    expect(await tasksFrom(`knowledge:${entryId}`)).toEqual([]);
    // Not even touched: a sweep that read knowledge would have stamped it.
    expect(await knowledgeCursor()).toEqual(before);

    knowledgeProxy.target = knowledge.url;
    expect(await taskFrom(`knowledge:${entryId}`)).toMatchObject([
      { source: 'AGENT_SCAN', slug: 'legal', role: 'SYNTHESIZER' },
    ]);
    expect((await knowledgeCursor()).updated_at.getTime()).toBeGreaterThan(
      before.updated_at.getTime(),
    );
  });
});
