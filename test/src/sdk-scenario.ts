import { Role, signToken } from '@daena/platform';
import {
  createDaenaClient,
  createProposalMutation,
  openDraftMutation,
  organizationQuery,
  voteTallySubscription,
} from '@daena/sdk';
import { testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { waitForSubscribers } from './live.js';

/**
 * The generated, typed client: a query, mutations and a live subscription through the gateway
 * (the votes come from the stakeholder agents, asked through the job queue).
 */
export async function expectTypedClientWorks(gatewayUrl: string): Promise<void> {
  const token = await signToken(testJwtSecret, { sub: 'sdk-admin', roles: [Role.ADMIN] });
  const client = createDaenaClient({ url: gatewayUrl, token, webSocketImpl: WebSocket });
  try {
    const { departments } = await client.request(organizationQuery);
    const legal = departments.find((department) => department.slug === 'legal');
    expect(legal?.agents).toHaveLength(8);
    const { createProposal } = await client.request(createProposalMutation, {
      input: { title: 'Standard NDA template v2', departmentId: legal?.id ?? '', kind: 'DISPUTE' },
    });
    expect(createProposal.status).toBe('DRAFT');

    // Subscribed before the proposal opens, so the agents' first vote cannot be missed.
    const tallies = client.subscribe(voteTallySubscription, { proposalId: createProposal.id });
    const firstTally = tallies.next();
    await waitForSubscribers(gatewayUrl, 1);
    const { openProposal } = await client.request(openDraftMutation, { id: createProposal.id });
    expect(openProposal.status).toBe('OPEN');
    expect(openProposal.stakeholders.length).toBeGreaterThan(0);
    expect(openProposal.thresholdExplanation).toEqual(expect.any(String));

    const { value } = await firstTally;
    expect(value?.voteTally).toMatchObject({ round: 1, blind: true, approve: null });
    expect(value?.voteTally.votesCounted).toBeGreaterThanOrEqual(1);
    const voters = openProposal.stakeholders.map((stakeholder) => stakeholder.agent.name);
    expect(voters).toContain(value?.voteTally.lastVote?.agent.name);
    await tallies.return?.();
  } finally {
    await client.close();
  }
}
