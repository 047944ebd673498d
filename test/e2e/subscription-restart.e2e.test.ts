import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret } from '@daena/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitForSubscribers } from '../src/live.js';
import { startVotingHarness, type VotingHarness } from '../src/voting-harness.js';

/**
 * Issue 14: events while the gateway restarts are not silently lost to a client that follows the
 * README's rule. Each voteTally payload is the whole tally (a snapshot, not a delta), so a client
 * that reconnects (graphql-ws retries, the subscription is sent again) and reads the current tally
 * once with the `voteTally` query has everything the missed payloads carried.
 */
let harness: VotingHarness;
beforeAll(async () => {
  harness = await startVotingHarness('e2e_restart');
});
afterAll(async () => {
  await harness?.close();
});

const castVote = 'mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }';

async function vote(url: string, proposalId: string, agentId: string) {
  const bearer = await signToken(testJwtSecret, { sub: agentId, roles: [Role.AGENT] });
  const response = await graphql(
    url,
    castVote,
    { input: { proposalId, agentId, choice: 'APPROVE', rationale: 'ship it' } },
    bearer,
  );
  expect(response.body.errors).toBeUndefined();
}

describe('a voteTally subscriber across a gateway restart', () => {
  it('reconnects, catches up with one read, and receives the votes after it', async () => {
    const { id, stakeholders } = await harness.openProposal('Restart: nothing is lost');
    const [first = '', duringRestart = '', after = ''] = stakeholders;
    const viewer = await signToken(testJwtSecret, { sub: 'restart-viewer', roles: [Role.VIEWER] });

    // The client retries once the test has the gateway back: no timing guess.
    let gatewayBack = () => {};
    const back = new Promise<void>((resolve) => (gatewayBack = resolve));
    let reconnected = () => {};
    const reconnect = new Promise<void>((resolve) => (reconnected = resolve));
    const client = createClient({
      url: harness.gateway.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${viewer}` },
      retryAttempts: 5,
      retryWait: () => back,
      on: { connected: (_socket, _payload, wasRetry) => wasRetry && reconnected() },
    });
    const counts: number[] = [];
    let received = () => {};
    const subscription = client.subscribe<{ voteTally: { votesCounted: number } }>(
      {
        query: 'subscription ($id: ID!) { voteTally(proposalId: $id) { votesCounted } }',
        variables: { id },
      },
      {
        next: (result) => {
          counts.push(result.data?.voteTally.votesCounted ?? -1);
          received();
        },
        error: () => {},
        complete: () => {},
      },
    );
    const nextPayload = () => new Promise<void>((resolve) => (received = resolve));
    try {
      await waitForSubscribers(harness.gateway.url, 1);
      let payload = nextPayload();
      await vote(harness.gateway.url, id, first);
      await payload;

      // While the gateway is down, a vote reaches decisions directly.
      const restarted = harness.restartGateway();
      await vote(harness.decisionsUrl, id, duringRestart);
      await restarted;
      gatewayBack();
      await reconnect;

      // The README's rule for a reconnecting client: read the current tally once.
      const current = await graphql<{ voteTally: { votesCounted: number } }>(
        harness.gateway.url,
        'query ($id: ID!) { voteTally(proposalId: $id) { votesCounted } }',
        { id },
        viewer,
      );
      expect(current.body.data?.voteTally.votesCounted).toBe(2);

      await waitForSubscribers(harness.gateway.url, 1);
      payload = nextPayload();
      await vote(harness.gateway.url, id, after);
      await payload;
      expect(counts).toEqual([1, 3]);
    } finally {
      subscription();
      await client.dispose();
    }
  });
});
