import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import { subscribe, waitForSubscribers } from './live.js';
import { expectOrganization } from './scenario.js';

type Inbox = {
  agentMessages: {
    id: string;
    body: string;
    from: { name: string };
    relays: { role: string; department: { name: string } }[];
    path: { departments: { name: string }[]; length: number };
  };
};

const inboxSubscription = `
  subscription Inbox($agentId: ID!) {
    agentMessages(agentId: $agentId) {
      id body
      from { name }
      relays { role department { name } }
      path { departments { name } length }
    }
  }`;

/**
 * The Legal synthesizer subscribes to its messages on one gateway; a Finance scout sends it one
 * through another; it arrives live, having crossed Finance, HR, Engineering and Legal through their
 * Border Agents (issue 3: non-adjacent cells, shortest hex path).
 */
export async function expectMessageArrivesViaBorderAgents(
  subscriberGateway: string,
  senderGateway: string,
): Promise<void> {
  const organization = await expectOrganization(senderGateway);
  const find = (department: string, role: string) => {
    const agent = organization.departments
      .find((d) => d.slug === department)
      ?.agents.find((a) => a.role === role);
    if (!agent) throw new Error(`no ${role} in ${department}`);
    return agent;
  };
  const scout = find('finance', 'DATA_SCOUT');
  const synthesizer = find('legal', 'SYNTHESIZER');
  const tokenOf = (agentId: string) =>
    signToken(testJwtSecret, { sub: agentId, roles: [Role.AGENT] });

  // Earlier tests' subscriptions must be gone, or they would be counted as this one.
  await waitForSubscribers(subscriberGateway, 0, true);
  const live = subscribe<Inbox>(
    subscriberGateway.replace(/^http/, 'ws'),
    inboxSubscription,
    { agentId: synthesizer.id },
    await tokenOf(synthesizer.id),
  );
  try {
    const next = live.next();
    await waitForSubscribers(subscriberGateway, 1);
    const sent = await graphql<{ sendMessage: { id: string } }>(
      senderGateway,
      `
        mutation ($input: SendMessageInput!) {
          sendMessage(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          fromAgentId: scout.id,
          topic: 'DIRECT',
          toAgentId: synthesizer.id,
          body: 'Do the new vendor contracts meet the retention clause?',
        },
      },
      await tokenOf(scout.id),
    );
    expect(sent.body.errors).toBeUndefined();
    const borderOf = (name: string) => ({ role: 'BORDER_AGENT', department: { name } });
    expect((await next).agentMessages).toEqual({
      id: sent.body.data?.sendMessage.id,
      body: 'Do the new vendor contracts meet the retention clause?',
      from: { name: scout.name },
      relays: ['Finance', 'HR', 'Engineering', 'Legal'].map(borderOf),
      path: {
        departments: ['Finance', 'HR', 'Engineering', 'Legal'].map((name) => ({ name })),
        length: 5,
      },
    });
  } finally {
    await live.close();
  }
}
