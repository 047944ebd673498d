import { randomUUID } from 'node:crypto';
import { PgBossJobQueue, Role } from '@daena/platform';
import { Events } from '@daena/contracts';
import { graphql, waitFor } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanMessages } from '../src/autonomy/operations/scan-for-work.js';
import { autonomyHarness, type AutonomyHarness, type RosterAgent } from './autonomy-harness.js';

/*
 * Issue 15 §1 and "done when": work an agent finds by itself — a direct message addressed to it,
 * a proposal CMP accepted — becomes a task (once per source) that the agents' own workers pick
 * up and execute, with nobody's help.
 */
let h: AutonomyHarness;
const agent = (slug: string, role: string): RosterAgent => {
  const found = h.roster.find((a) => a.slug === slug && a.role === role);
  if (!found) throw new Error(`no ${role} in ${slug}`);
  return found;
};

beforeAll(async () => {
  h = await autonomyHarness('autonomy_scans', {
    jobs: (url, stack) => new PgBossJobQueue({ url, log: stack.log, pollingIntervalSeconds: 0.5 }),
  });
});
afterAll(() => h?.close());

interface Found {
  id: string;
  status: string;
  source: string;
  assignee_id: string;
  parent_id: string | null;
}

/** The tasks that came from `sourceRef`, once the first of them finished. */
const finishedFrom = (sourceRef: string) =>
  waitFor(async () => {
    const { rows } = await h.sql.query<Found>(
      'select id, status, source, assignee_id, parent_id from agents.tasks where source_ref = $1',
      [sourceRef],
    );
    if (!rows[0] || !['DONE', 'FAILED'].includes(rows[0].status)) {
      throw new Error(`${sourceRef}: ${rows[0]?.status ?? 'no task yet'}`);
    }
    return rows;
  });

describe('work agents find by themselves', () => {
  it('turns a direct message into a task of its addressee, once, and runs it', async () => {
    const from = agent('finance', 'DATA_SCOUT');
    const to = agent('finance', 'SYNTHESIZER');
    const { body } = await graphql<{ sendMessage: { id: string } }>(
      h.agents.url,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      {
        input: {
          fromAgentId: from.id,
          topic: 'DIRECT',
          toAgentId: to.id,
          body: 'Please reconcile the Q3 vendor payments against the ledger.',
        },
      },
      await h.stack.token({ sub: from.id, roles: [Role.AGENT] }),
    );
    const messageId = body.data?.sendMessage.id;
    if (!messageId) throw new Error(JSON.stringify(body.errors));

    const [task, ...more] = await finishedFrom(`message:${messageId}`);
    expect(more).toEqual([]);
    expect(task).toMatchObject({
      status: 'DONE',
      source: 'AGENT_SCAN',
      assignee_id: to.id,
      parent_id: null,
    });

    // Another scan (the sweep's) finds nothing new: one task per message.
    const deps = h.scanDeps();
    expect(await scanMessages(deps)).toBe(0);
    const { rows } = await h.sql.query('select 1 from agents.tasks where source_ref = $1', [
      `message:${messageId}`,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('follows up a proposal CMP accepted in the department, once however often it hears of it', async () => {
    const legal = agent('legal', 'DATA_SCOUT').departmentId;
    const accepted = randomUUID();
    const rejected = randomUUID();
    await h.stack.bus.publish(
      Events.proposalClosed.create({
        proposalId: rejected,
        status: 'REJECTED',
        departmentId: legal,
      }),
    );
    for (let i = 0; i < 2; i++) {
      await h.stack.bus.publish(
        Events.proposalClosed.create({
          proposalId: accepted,
          status: 'ACCEPTED',
          departmentId: legal,
        }),
      );
    }
    const [task, ...more] = await finishedFrom(`proposal:${accepted}`);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ status: 'DONE', source: 'AGENT_SCAN' });
    expect(h.roster.find((a) => a.id === task?.assignee_id)?.slug).toBe('legal');
    const none = await h.sql.query('select 1 from agents.tasks where source_ref = $1', [
      `proposal:${rejected}`,
    ]);
    expect(none.rows).toHaveLength(0);
  });
});
