import { Role, signToken, type TokenClaims } from '@daena/platform';
import { graphql, testJwtSecret, waitFor } from '@daena/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  gatewayMetric,
  subscribe,
  waitForSubscribers,
  type LiveSubscription,
} from '../src/live.js';
import { startVotingHarness, type VotingHarness } from '../src/voting-harness.js';

/**
 * Issue 14 §1: the bridge resolves each event once per visibility class, not per viewer, and a
 * class never shows one member what another may not see. A blind round (round 1 while open)
 * seals each vote's choice and rationale from all but its voter and admins.
 */
let harness: VotingHarness;
/** Every subscription a test opens, closed after it. */
const live: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  harness = await startVotingHarness('e2e_visibility');
});
afterEach(async () => {
  await Promise.all(live.splice(0).map((subscription) => subscription.close()));
  await waitForSubscribers(harness.gateway.url, 0, true);
});
afterAll(async () => {
  await harness?.close();
});

const tallySubscription = `
  subscription ($id: ID!) {
    voteTally(proposalId: $id) {
      blind votesCounted executiveVotes participation
      lastVote { sealed choice rationale voterKind agent { id } }
    }
  }`;

interface Tally {
  voteTally: {
    blind: boolean;
    votesCounted: number;
    executiveVotes: number;
    participation: number;
    lastVote: { sealed: boolean; choice: string | null; rationale: string | null };
  };
}

const token = (claims: TokenClaims) => signToken(testJwtSecret, claims);

function watch(proposalId: string, bearer: string): LiveSubscription<Tally> {
  const subscription = subscribe<Tally>(
    harness.gateway.wsUrl,
    tallySubscription,
    { id: proposalId },
    bearer,
  );
  live.push(subscription);
  return subscription;
}

/** A series of the gateway's /metrics, summed over the label sets that contain `label`. */
const metric = (name: string, label = '') => gatewayMetric(harness.gateway.url, name, label);

const executions = () => metric('gateway_subscription_executions_total', 'field="voteTally"');

async function mutate(query: string, input: Record<string, unknown>, bearer: string) {
  const response = await graphql(harness.gateway.url, query, { input }, bearer);
  expect(response.body.errors).toBeUndefined();
}

describe('voteTally subscribers share executions by visibility class', () => {
  it('shows a blind vote to its voter and to admins, and only participation to viewers', async () => {
    const { id, stakeholders } = await harness.openProposal('Visibility: who sees a blind vote');
    const [voterId = '', otherAgentId = ''] = stakeholders;
    const voter = watch(id, await token({ sub: voterId, roles: [Role.AGENT] }));
    const otherAgent = watch(id, await token({ sub: otherAgentId, roles: [Role.AGENT] }));
    const admin = watch(id, await token({ sub: 'visibility-admin', roles: [Role.ADMIN] }));
    const viewerA = watch(id, await token({ sub: 'viewer-a', roles: [Role.VIEWER] }));
    const viewerB = watch(id, await token({ sub: 'viewer-b', roles: [Role.VIEWER] }));
    await waitForSubscribers(harness.gateway.url, 5);
    const before = await executions();

    await mutate(
      'mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }',
      { proposalId: id, agentId: voterId, choice: 'REJECT', rationale: 'too early' },
      await token({ sub: voterId, roles: [Role.AGENT] }),
    );
    const [own, other, admins, a, b] = await Promise.all([
      voter.next(),
      otherAgent.next(),
      admin.next(),
      viewerA.next(),
      viewerB.next(),
    ]);

    const revealed = { sealed: false, choice: 'REJECT', rationale: 'too early' };
    const sealed = { sealed: true, choice: null, rationale: null };
    expect(own.voteTally).toMatchObject({ blind: true, votesCounted: 1, lastVote: revealed });
    expect(admins.voteTally.lastVote).toMatchObject(revealed);
    expect(other.voteTally.lastVote).toMatchObject(sealed);
    for (const viewer of [a, b]) {
      expect(viewer.voteTally).toMatchObject({ blind: true, votesCounted: 1, lastVote: sealed });
      expect(viewer.voteTally.participation).toBeGreaterThan(0);
    }
    // Classes: the voter, the other agent, admins, and both viewers together.
    expect(await metric('gateway_subscription_groups')).toBe(4);
    expect((await executions()) - before).toBe(4);
  });

  it('never shows an executive’s sealed vote to another executive or to an agent', async () => {
    const { id, stakeholders } = await harness.openProposal('Visibility: executives vote blind');
    const execA = await token({ sub: 'exec-a', roles: [Role.EXECUTIVE] });
    const votingExecutive = watch(id, execA);
    const otherExecutive = watch(id, await token({ sub: 'exec-b', roles: [Role.EXECUTIVE] }));
    const agent = watch(id, await token({ sub: stakeholders[0] ?? '', roles: [Role.AGENT] }));
    await waitForSubscribers(harness.gateway.url, 3);

    await mutate(
      'mutation ($input: CastExecutiveVoteInput!) { castExecutiveVote(input: $input) { id } }',
      { proposalId: id, choice: 'APPROVE', reason: 'exec-a approves' },
      execA,
    );
    const [own, other, agents] = await Promise.all([
      votingExecutive.next(),
      otherExecutive.next(),
      agent.next(),
    ]);

    expect(own.voteTally).toMatchObject({ executiveVotes: 1, lastVote: { choice: 'APPROVE' } });
    expect(own.voteTally.lastVote.rationale).toBe('exec-a approves');
    for (const payload of [other, agents]) {
      expect(payload.voteTally).toMatchObject({ executiveVotes: 1 });
      expect(payload.voteTally.lastVote).toMatchObject({ sealed: true, choice: null });
    }
  });

  it('resolves an event once for any number of distinct viewer tokens', async () => {
    const viewerCount = 25;
    const { id, stakeholders } = await harness.openProposal('Visibility: a crowd of viewers');
    const tokens = await Promise.all(
      Array.from({ length: viewerCount }, (_, n) =>
        token({ sub: `crowd-${n}`, roles: [Role.VIEWER] }),
      ),
    );
    const crowd = tokens.map((bearer) => watch(id, bearer));
    await waitForSubscribers(harness.gateway.url, viewerCount);
    await waitFor(async () => expect(await metric('gateway_subscription_groups')).toBe(1));
    const before = await executions();

    const agentId = stakeholders[0] ?? '';
    await mutate(
      'mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }',
      { proposalId: id, agentId, choice: 'APPROVE' },
      await token({ sub: agentId, roles: [Role.AGENT] }),
    );
    const payloads = await Promise.all(crowd.map((subscription) => subscription.next()));

    expect(new Set(payloads.map((payload) => JSON.stringify(payload))).size).toBe(1);
    expect(payloads[0]?.voteTally).toMatchObject({ votesCounted: 1, lastVote: { sealed: true } });
    expect((await executions()) - before).toBe(1);
  });
});

describe('routerSelections subscribers share executions by role', () => {
  it('still refuses roles that may not read the router, on every event as before', async () => {
    const selection = 'subscription { routerSelections { id model } }';
    type Selection = { routerSelections: { id: string; model: string } };
    const watchRouter = async (claims: TokenClaims) => {
      const subscription = subscribe<Selection>(
        harness.gateway.wsUrl,
        selection,
        {},
        await token(claims),
      );
      live.push(subscription);
      return subscription;
    };
    const admin = await token({ sub: 'router-admin', roles: [Role.ADMIN] });
    const leads = await Promise.all(
      ['finance', 'sales'].map((department, n) =>
        watchRouter({ sub: `lead-${n}`, roles: [Role.DEPARTMENT_LEAD], department }),
      ),
    );
    const viewer = await watchRouter({ sub: 'router-viewer', roles: [Role.VIEWER] });
    await waitForSubscribers(harness.gateway.url, 3);

    const routed = await graphql<{ routeTask: { decision: { id: string } } }>(
      harness.gateway.url,
      'mutation { routeTask(input: { text: "Summarise: sales grew 4% in the north." }) { decision { id } } }',
      {},
      admin,
    );
    const [first, second] = await Promise.all(leads.map((lead) => lead.next()));

    expect(routed.body.errors).toBeUndefined();
    const decision = routed.body.data?.routeTask.decision.id;
    expect(first?.routerSelections.id).toBe(decision);
    expect(second?.routerSelections.id).toBe(decision);
    await expect(viewer.next()).rejects.toThrow(/FORBIDDEN/);
    // Both leads (departments apart) in one class, the viewer in its own.
    expect(await metric('gateway_subscription_groups')).toBe(2);
  });
});
