import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import { gatewayMetric, subscribe, waitForSubscribers, type LiveSubscription } from './live.js';
import { expectOrganization } from './scenario.js';

/**
 * Issue 14 §3 on a gateway of `workers` node:cluster workers: viewers of one department's
 * activity land on different workers, every one receives a pause, and the event is resolved once
 * per worker (one group each), not once per viewer.
 */
export async function expectClusterSharesEvents(
  actorGateway: string,
  clusterGateway: string,
  workers: number,
): Promise<void> {
  const organization = await expectOrganization(actorGateway);
  const legal = organization.departments.find((d) => d.slug === 'legal');
  const agent = legal?.agents.find((a) => a.role === 'RESEARCH_SCOUT');
  if (!legal || !agent) throw new Error('no legal research scout');
  const read = await graphql<{ agent: { version: number } }>(
    actorGateway,
    'query ($id: ID!) { agent(id: $id) { version } }',
    { id: agent.id },
  );
  type Activity = { agentActivity: { id: string; status: string } };
  await waitForSubscribers(clusterGateway, 0, true);
  const viewers: LiveSubscription<Activity>[] = [];
  try {
    // Anonymous viewers: one visibility class, so one group per worker.
    for (let n = 0; n < 4 * workers; n++) {
      viewers.push(
        subscribe<Activity>(
          clusterGateway.replace(/^http/, 'ws'),
          'subscription ($departmentId: ID) { agentActivity(departmentId: $departmentId) { id status } }',
          { departmentId: legal.id },
        ),
      );
    }
    const payloads = viewers.map((viewer) => viewer.next());
    // Read below; a failure before then must not surface as unhandled rejections.
    for (const payload of payloads) payload.catch(() => undefined);
    await waitForSubscribers(clusterGateway, viewers.length);
    expect(await gatewayMetric(clusterGateway, 'gateway_subscription_groups')).toBe(workers);
    const executions = 'gateway_subscription_executions_total';
    const field = 'field="agentActivity"';
    const before = await gatewayMetric(clusterGateway, executions, field);

    const lead = await signToken(testJwtSecret, {
      sub: 'legal-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'legal',
    });
    const paused = await graphql(
      actorGateway,
      'mutation ($id: ID!, $version: Int!) { pauseAgent(id: $id, version: $version) { status } }',
      { id: agent.id, version: read.body.data?.agent.version },
      lead,
    );
    expect(paused.body.errors).toBeUndefined();
    for (const payload of await Promise.all(payloads)) {
      expect(payload.agentActivity).toEqual({ id: agent.id, status: 'PAUSED' });
    }
    expect((await gatewayMetric(clusterGateway, executions, field)) - before).toBe(workers);
  } finally {
    await Promise.all(viewers.map((viewer) => viewer.close()));
  }
}
