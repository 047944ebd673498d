import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateRound, type Ballot, type Stakeholder } from '../src/domain/cmp/index.js';
import { openCouncilProposal, voteAll, voteTallyQuery, type VoteTally } from './operations.js';
import { startStack, type Stack } from './stack.js';

/**
 * Migration 0003: each stakeholder's evidence (relevance × log-odds of its track record, and its
 * variance) is snapshotted at open, and a round's support is the posterior computed from it.
 * Proposals opened before it have no evidence stored: their stakeholders count as the prior.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

interface Decided {
  status: string;
  threshold: number;
  result: { support: number; interval: { low: number; high: number } };
  biasReport: unknown[];
}

async function decided(id: string): Promise<Decided> {
  const read = await stack.call<{ proposal: Decided }>(
    `query ($id: ID!) {
       proposal(id: $id) { status threshold result { support interval { low high } } biasReport { kind } }
     }`,
    { id },
  );
  return read.body.data?.proposal as Decided;
}

async function storedStakeholders(proposalId: string) {
  return stack.sql<{
    agent_id: string;
    weight: number;
    log_odds: number | null;
    log_odds_variance: number | null;
  }>(
    `select agent_id, weight, log_odds, log_odds_variance
       from decisions.proposal_stakeholders where proposal_id = $1`,
    [proposalId],
  );
}

/** The round's result as CMP computes it from the stored snapshot and the stored ballots. */
async function expectedResult(proposalId: string, threshold: number) {
  const stakeholders: Stakeholder[] = (await storedStakeholders(proposalId)).map((row) => ({
    agentId: row.agent_id,
    weight: row.weight,
    why: '',
    ...(row.log_odds === null ? {} : { logOdds: row.log_odds }),
    ...(row.log_odds_variance === null ? {} : { logOddsVariance: row.log_odds_variance }),
  }));
  const ballots = await stack.sql<Ballot & { agentId: string }>(
    `select agent_id as "agentId", choice, confidence, rationale from decisions.votes
      where proposal_id = $1 and round = 1 order by seq`,
    [proposalId],
  );
  return aggregateRound(ballots, stakeholders, threshold);
}

async function round1Tally(proposalId: string): Promise<VoteTally> {
  const read = await stack.call<{ voteTally: VoteTally }>(voteTallyQuery, {
    proposalId,
    round: 1,
  });
  return read.body.data?.voteTally as VoteTally;
}

describe('stakeholder evidence', () => {
  it('is stored at open, and the result and the tally are the posterior from it', async () => {
    const proposal = await openCouncilProposal(stack, 'Evidence snapshotted');
    const stored = await storedStakeholders(proposal.id);
    expect(stored).toHaveLength(16);
    for (const row of stored) {
      expect(row.log_odds).toBeGreaterThan(0);
      expect(row.log_odds_variance).toBeGreaterThan(0);
    }

    await voteAll(
      stack,
      proposal,
      () => 'APPROVE',
      () => ({ confidence: 0.8 }),
    );
    const done = await decided(proposal.id);
    expect(done.biasReport).toEqual([]);
    const expected = await expectedResult(proposal.id, done.threshold);
    expect(done.result.support).toBeCloseTo(expected.support, 9);
    expect(done.result.interval.low).toBeCloseTo(expected.interval.low, 9);
    expect(done.result.interval.high).toBeCloseTo(expected.interval.high, 9);
    // The tally reads the snapshot through the ORM, the close through SQL: both agree.
    expect((await round1Tally(proposal.id)).support).toBeCloseTo(done.result.support, 9);
  });

  it('counts stakeholders stored without evidence (before 0003) as agents without a record', async () => {
    const proposal = await openCouncilProposal(stack, 'Opened before 0003');
    await stack.sql(
      `update decisions.proposal_stakeholders set log_odds = null, log_odds_variance = null
        where proposal_id = $1`,
      [proposal.id],
    );

    await voteAll(stack, proposal, () => 'APPROVE');
    const done = await decided(proposal.id);
    expect(done.biasReport).toEqual([]);
    const expected = await expectedResult(proposal.id, done.threshold);
    expect(expected.support).toBeGreaterThan(0.5);
    expect(expected.support).toBeLessThan(1);
    expect(done.result.support).toBeCloseTo(expected.support, 9);
    expect(done.result.interval.low).toBeCloseTo(expected.interval.low, 9);
    expect((await round1Tally(proposal.id)).support).toBeCloseTo(done.result.support, 9);
  });
});
