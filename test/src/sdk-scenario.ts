import { Role, signToken } from '@daena/platform';
import {
  castVoteMutation,
  createDaenaClient,
  openProposalMutation,
  organizationQuery,
  voteTallySubscription,
} from '@daena/sdk';
import { testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { waitForSubscribers } from './live.js';

/** The generated, typed client: a query, a mutation and a live subscription through the gateway. */
export async function expectTypedClientWorks(gatewayUrl: string): Promise<void> {
  const token = await signToken(testJwtSecret, { sub: 'sdk-admin', roles: [Role.ADMIN] });
  const client = createDaenaClient({ url: gatewayUrl, token, webSocketImpl: WebSocket });
  try {
    const { departments } = await client.request(organizationQuery);
    const legal = departments.find((department) => department.slug === 'legal');
    expect(legal?.agents).toHaveLength(8);
    const { openProposal } = await client.request(openProposalMutation, {
      input: { title: 'Standard NDA template v2', departmentId: legal?.id ?? '' },
    });
    expect(openProposal.status).toBe('OPEN');

    const tallies = client.subscribe(voteTallySubscription, { proposalId: openProposal.id });
    const firstTally = tallies.next();
    await waitForSubscribers(gatewayUrl, 1);
    const voter = legal?.agents[0];
    await client.request(castVoteMutation, {
      input: {
        proposalId: openProposal.id,
        agentId: voter?.id ?? '',
        choice: 'APPROVE',
        confidence: 0.9,
      },
    });
    const { value } = await firstTally;
    expect(value?.voteTally.approve).toBe(1);
    expect(value?.voteTally.lastVote?.agent.department.name).toBe('Legal');
    await tallies.return?.();
  } finally {
    await client.close();
  }
}
