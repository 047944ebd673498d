import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import { subscribe, waitForSubscribers } from './live.js';
import { expectOrganization } from './scenario.js';

const updatesSubscription = `
  subscription Updates($proposalId: ID) {
    proposalUpdates(proposalId: $proposalId) {
      from
      to
      round
      reason
      proposal {
        status
        result { support interval { low high } margin participation roundsUsed decision }
        biasReport { kind evidence mitigation agents { name } }
      }
    }
  }`;

const tallySubscription = `
  subscription Tally($proposalId: ID!) {
    voteTally(proposalId: $proposalId) {
      round blind approve reject support votesCounted weightVoted stakeholders
      lastVote { sealed choice agent { name role department { name } } }
    }
  }`;

interface Update {
  proposalUpdates: {
    from: string | null;
    to: string;
    round: number;
    reason: string | null;
    proposal: {
      status: string;
      result: {
        support: number;
        interval: { low: number; high: number };
        margin: number;
        participation: number;
        roundsUsed: number;
        decision: string;
      } | null;
      biasReport: { kind: string; evidence: string; mitigation: string }[];
    };
  };
}

interface Tally {
  voteTally: {
    round: number;
    blind: boolean;
    approve: number | null;
    support: number | null;
    votesCounted: number;
    weightVoted: number;
    stakeholders: number;
    lastVote: {
      sealed: boolean;
      choice: string | null;
      agent: { name: string; role: string; department: { name: string } };
    };
  };
}

/**
 * CMP end to end (issue 4, "Done when"): a cross-department proposal is opened through one
 * gateway; the stakeholder agents are asked through the job queue and vote on their own; a client
 * of another gateway sees the tally move live (blind in round 1: participation, no choices) and
 * every transition, up to the result with its interval and bias report.
 */
export async function expectAgentsDecideLive(
  actorGateway: string,
  subscriberGateway: string,
): Promise<void> {
  const organization = await expectOrganization(actorGateway);
  const admin = await signToken(testJwtSecret, { sub: 'e2e-cmp-admin', roles: [Role.ADMIN] });
  const created = await graphql<{ createProposal: { id: string } }>(
    actorGateway,
    'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
    {
      input: {
        title: 'One planning calendar for every department',
        departmentId: organization.departments[0]?.id,
        affectedDepartmentIds: organization.departments.map((department) => department.id),
        kind: 'CROSS_DEPARTMENT',
      },
    },
    admin,
  );
  expect(created.body.errors).toBeUndefined();
  const proposalId = created.body.data?.createProposal.id;

  // Earlier tests' subscriptions must be gone, or they would be counted as these.
  await waitForSubscribers(subscriberGateway, 0, true);
  const ws = subscriberGateway.replace(/^http/, 'ws');
  const updates = subscribe<Update>(ws, updatesSubscription, { proposalId });
  const tallies = subscribe<Tally>(ws, tallySubscription, { proposalId });
  try {
    await waitForSubscribers(subscriberGateway, 2);
    const opened = await graphql<{
      openProposal: { status: string; stakeholders: { id: string }[] };
    }>(
      actorGateway,
      'mutation ($id: ID!) { openProposal(id: $id) { status stakeholders { id } } }',
      { id: proposalId },
      admin,
    );
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data?.openProposal.stakeholders).toHaveLength(16);
    expect((await updates.next()).proposalUpdates).toMatchObject({
      from: 'DRAFT',
      to: 'OPEN',
      round: 1,
    });

    // Nobody votes here: the agents answer their vote requests.
    const first = (await tallies.next()).voteTally;
    const second = (await tallies.next()).voteTally;
    expect(first).toMatchObject({ round: 1, stakeholders: 16 });
    expect(second.votesCounted).toBeGreaterThan(first.votesCounted);
    expect(second.weightVoted).toBeGreaterThan(first.weightVoted);
    for (const tally of [first, second]) {
      expect(tally.lastVote.agent.department.name).toEqual(expect.any(String));
      // A blind round shows who took part, never how they voted.
      if (tally.blind) {
        expect(tally).toMatchObject({ approve: null, support: null });
        expect(tally.lastVote).toMatchObject({ sealed: true, choice: null });
      }
    }

    let update = (await updates.next()).proposalUpdates;
    while (update.to === 'OPEN') update = (await updates.next()).proposalUpdates;
    expect(['ACCEPTED', 'REJECTED', 'NO_CONSENSUS']).toContain(update.to);
    const result = update.proposal.result;
    expect(result).toMatchObject({ decision: update.to, roundsUsed: update.round });
    expect(result?.interval.low).toBeLessThanOrEqual(result?.support ?? -1);
    expect(result?.interval.high).toBeGreaterThanOrEqual(result?.support ?? 2);
    expect(Array.isArray(update.proposal.biasReport)).toBe(true);
  } finally {
    await updates.close();
    await tallies.close();
  }
}
