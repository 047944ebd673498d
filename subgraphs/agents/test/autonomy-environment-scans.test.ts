import { randomUUID } from 'node:crypto';
import { PgBossJobQueue } from '@daena/platform';
import { Events, type AlertTransitioned } from '@daena/contracts';
import { taskFromSource, tasksFromSource } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanDependencies } from '../src/autonomy/operations/scan-for-work.js';
import { scanAlert, scanKnowledgeEntry } from '../src/autonomy/operations/scan-environment.js';
import { autonomyHarness, type AutonomyHarness } from './autonomy-harness.js';

/*
 * Issue 15 §1: agents scan their environment — new knowledge in their department, alerts that
 * fire — from the events the knowledge and metrics services publish. Each event becomes one task
 * of a fitting agent, however often it is heard; what agents wrote and alerts that are not firing
 * make none.
 */
let h: AutonomyHarness;
let scan: ScanDependencies;

beforeAll(async () => {
  h = await autonomyHarness('autonomy_environment_scans', {
    jobs: (url, stack) => new PgBossJobQueue({ url, log: stack.log, pollingIntervalSeconds: 0.5 }),
  });
  scan = h.scanDeps();
});
afterAll(() => h?.close());

const tasksFrom = (sourceRef: string) => tasksFromSource(h.sql, sourceRef);
const taskFrom = (sourceRef: string) => taskFromSource(h.sql, sourceRef);

const departmentId = (slug: string): string => {
  const agent = h.roster.find((a) => a.slug === slug);
  if (!agent) throw new Error(`no department ${slug}`);
  return agent.departmentId;
};

const alert = (change: Partial<AlertTransitioned>): AlertTransitioned => ({
  transitionId: randomUUID(),
  alertId: randomUUID().slice(0, 16),
  rule: 'AgentFailureRateHigh',
  severity: 'critical',
  state: 'firing',
  previousState: 'pending',
  ...change,
});

describe('agents’ scans of new knowledge', () => {
  it('gives a person’s new entry to an integrating agent of its department, once', async () => {
    const entry = { entryId: randomUUID(), departmentSlug: 'finance', authorAgentId: null };
    // Delivered twice (a redelivery, or two replicas hearing it): one task.
    await h.stack.bus.publish(Events.knowledgeEntryCreated.create(entry));
    await h.stack.bus.publish(Events.knowledgeEntryCreated.create(entry));

    const found = await taskFrom(`knowledge:${entry.entryId}`);
    expect(found).toEqual([
      {
        source: 'AGENT_SCAN',
        slug: 'finance',
        role: 'SYNTHESIZER',
        priority: 3,
        required_capabilities: ['information integration'],
      },
    ]);
    expect(await scanKnowledgeEntry(scan, entry)).toBe(false);
    expect(await tasksFrom(`knowledge:${entry.entryId}`)).toHaveLength(1);
  });

  it('leaves what an agent wrote alone', async () => {
    const writer = h.roster.find((a) => a.slug === 'legal' && a.role === 'DATA_SCOUT');
    const entry = {
      entryId: randomUUID(),
      departmentSlug: 'legal',
      authorAgentId: writer?.id ?? null,
    };
    expect(entry.authorAgentId).not.toBeNull();
    expect(await scanKnowledgeEntry(scan, entry)).toBe(false);
    expect(await tasksFrom(`knowledge:${entry.entryId}`)).toEqual([]);
  });
});

describe('agents’ scans of alerts', () => {
  it('gives a firing alert of no department to engineering’s monitoring agent, once', async () => {
    const firing = alert({});
    await h.stack.bus.publish(Events.alertTransitioned.create(firing));
    await h.stack.bus.publish(Events.alertTransitioned.create(firing));

    const found = await taskFrom(`alert:${firing.transitionId}`);
    expect(found).toEqual([
      {
        source: 'AGENT_SCAN',
        slug: 'engineering',
        role: 'RESEARCH_SCOUT',
        priority: 1,
        required_capabilities: ['trend monitoring'],
      },
    ]);
    expect(await scanAlert(scan, firing)).toBe(false);
    expect(await tasksFrom(`alert:${firing.transitionId}`)).toHaveLength(1);
  });

  it('gives an alert about a department to that department', async () => {
    const firing = alert({ severity: 'warning', departmentId: departmentId('sales') });
    expect(await scanAlert(scan, firing)).toBe(true);
    expect(await tasksFrom(`alert:${firing.transitionId}`)).toMatchObject([
      { slug: 'sales', role: 'RESEARCH_SCOUT', priority: 2 },
    ]);
  });

  it('makes nothing of an alert that resolved or is only pending', async () => {
    const resolved = alert({ state: 'resolved', previousState: 'firing' });
    const pending = alert({ state: 'pending', previousState: null });
    expect(await scanAlert(scan, resolved)).toBe(false);
    expect(await scanAlert(scan, pending)).toBe(false);
    expect(await tasksFrom(`alert:${resolved.transitionId}`)).toEqual([]);
    expect(await tasksFrom(`alert:${pending.transitionId}`)).toEqual([]);
  });
});
