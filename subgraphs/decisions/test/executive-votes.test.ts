import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeOf,
  openCouncilProposal,
  voteAll,
  voteTallyQuery,
  type OpenedProposal,
} from './operations.js';
import { startStack, type Stack } from './stack.js';

/** Issue 4, "Votes": executives can vote (as well as veto or escalate) with a reason. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const executiveVoteMutation = `
  mutation ($input: CastExecutiveVoteInput!) {
    castExecutiveVote(input: $input) {
      id round sealed choice confidence rationale voterKind executive agent { id }
    }
  }
`;

interface ExecutiveVote {
  id: string;
  round: number;
  sealed: boolean;
  choice: string | null;
  confidence: number | null;
  rationale: string | null;
  voterKind: string;
  executive: string | null;
  agent: { id: string } | null;
}

const executiveTallyQuery = `
  query ($proposalId: ID!) {
    voteTally(proposalId: $proposalId) {
      round blind approve reject votes votesCounted participation support
      executiveVotes executiveApprove executiveReject
    }
  }
`;

interface ExecutiveTally {
  round: number;
  blind: boolean;
  approve: number | null;
  reject: number | null;
  votes: number;
  votesCounted: number;
  participation: number;
  support: number | null;
  executiveVotes: number;
  executiveApprove: number | null;
  executiveReject: number | null;
}

async function executiveVote(
  input: Record<string, unknown>,
  token: string = stack.tokens.executive,
) {
  return stack.call<{ castExecutiveVote: ExecutiveVote }>(executiveVoteMutation, { input }, token);
}

async function tallyOf(proposalId: string, token = stack.tokens.viewer): Promise<ExecutiveTally> {
  const result = await stack.call<{ voteTally: ExecutiveTally }>(
    executiveTallyQuery,
    { proposalId },
    token,
  );
  if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data.voteTally;
}

/** 9 of 16 approve in round 1: undecided, so round 2 opens and shows its votes. */
async function inRoundTwo(title: string): Promise<OpenedProposal> {
  const proposal = await openCouncilProposal(stack, title);
  const last = await voteAll(stack, proposal, (i) => (i < 9 ? 'APPROVE' : 'REJECT'));
  expect(last.at(-1)?.proposal).toMatchObject({ status: 'OPEN', currentRound: 2 });
  return proposal;
}

describe('executives vote', () => {
  it('records an executive’s vote with its reason, sealed in the blind round, on the live tally', async () => {
    const proposal = await openCouncilProposal(stack, 'An executive weighs in');
    const eventsBefore = stack.events.voteCast.length;
    const cast = await executiveVote({
      proposalId: proposal.id,
      choice: 'APPROVE',
      confidence: 0.9,
      reason: 'The board asked for this last quarter',
    });
    expect(cast.body.errors).toBeUndefined();
    expect(cast.body.data?.castExecutiveVote).toMatchObject({
      round: 1,
      sealed: false,
      choice: 'APPROVE',
      confidence: 0.9,
      rationale: 'The board asked for this last quarter',
      voterKind: 'EXECUTIVE',
      executive: 'exec-1',
      agent: null,
    });
    const voteId = cast.body.data?.castExecutiveVote.id;
    const announced = stack.events.voteCast.slice(eventsBefore);
    expect(announced.map((event) => event.data.voteId)).toEqual([voteId]);

    // Blind round: counted, but its choice is hidden from everyone else.
    const tally = await tallyOf(proposal.id);
    expect(tally).toMatchObject({
      blind: true,
      executiveVotes: 1,
      executiveApprove: null,
      votes: 0,
      votesCounted: 0,
      participation: 0,
      support: null,
    });
    const seen = await stack.call<{
      proposal: { votes: { id: string; sealed: boolean; choice: string | null }[] };
    }>(
      'query ($id: ID!) { proposal(id: $id) { votes { id sealed choice } } }',
      { id: proposal.id },
      await stack.tokens.executiveNamed('exec-2'),
    );
    expect(seen.body.data?.proposal.votes).toEqual([{ id: voteId, sealed: true, choice: null }]);

    // It is not a stakeholder and never asked to vote: the agents' stakeholder list is unchanged.
    const stakeholders = await stack.call<{ proposal: { stakeholders: { id: string }[] } }>(
      'query ($id: ID!) { proposal(id: $id) { stakeholders { id } } }',
      { id: proposal.id },
      stack.tokens.viewer,
    );
    expect(stakeholders.body.data?.proposal.stakeholders.map((s) => s.id).sort()).toEqual(
      proposal.stakeholders.map((s) => s.id).sort(),
    );
  });

  it('counts in support without holding a round open, idempotently and changeably', async () => {
    const proposal = await inRoundTwo('Executives tip a split council');
    const agents = await voteAll(
      stack,
      { ...proposal, stakeholders: proposal.stakeholders.slice(0, 8) },
      (i) => (i < 5 ? 'APPROVE' : 'REJECT'),
      () => ({ round: 2 }),
    );
    expect(agents).toHaveLength(8);
    const before = await tallyOf(proposal.id);
    expect(before).toMatchObject({ round: 2, blind: false, votes: 8, executiveVotes: 0 });

    const approve = { proposalId: proposal.id, choice: 'APPROVE', reason: 'Worth the risk' };
    const first = await executiveVote(approve);
    const again = await executiveVote(approve);
    expect(again.body.data?.castExecutiveVote.id).toBe(first.body.data?.castExecutiveVote.id);
    const approved = await tallyOf(proposal.id);
    expect(approved).toMatchObject({
      votes: 8,
      votesCounted: 8,
      executiveVotes: 1,
      executiveApprove: 1,
    });
    expect(approved.participation).toBe(before.participation);
    expect(approved.support).toBeGreaterThan(before.support as number);

    const changed = await executiveVote({ ...approve, choice: 'REJECT', reason: 'Not this year' });
    expect(changed.body.data?.castExecutiveVote.id).toBe(first.body.data?.castExecutiveVote.id);
    const rejected = await tallyOf(proposal.id);
    expect(rejected).toMatchObject({ executiveVotes: 1, executiveApprove: 0, executiveReject: 1 });
    expect(rejected.support).toBeLessThan(before.support as number);
    const [history] = await stack.sql<{ n: string }>(
      'select count(*) as n from decisions.vote_history where vote_id = $1',
      [first.body.data?.castExecutiveVote.id],
    );
    expect(Number(history?.n)).toBe(2);

    // A second executive is a voter of their own.
    const second = await executiveVote(
      { proposalId: proposal.id, choice: 'REJECT', reason: 'Agreed, not now' },
      await stack.tokens.executiveNamed('exec-2'),
    );
    expect(second.body.data?.castExecutiveVote.id).not.toBe(first.body.data?.castExecutiveVote.id);
    expect((await tallyOf(proposal.id)).executiveVotes).toBe(2);

    // The agents' votes alone complete the round; the executives' count in its stored result.
    const rest = await voteAll(
      stack,
      { ...proposal, stakeholders: proposal.stakeholders.slice(8) },
      () => 'APPROVE',
      () => ({ round: 2 }),
    );
    expect(rest.at(-1)?.proposal.currentRound).not.toBe(2);
    const [closed] = await stack.sql<{ support: number; closed_at: Date | null }>(
      'select support, closed_at from decisions.voting_rounds where proposal_id = $1 and round = 2',
      [proposal.id],
    );
    expect(closed?.closed_at).not.toBeNull();
    const tally = await stack.call<{ voteTally: { support: number } }>(
      voteTallyQuery,
      { proposalId: proposal.id, round: 2 },
      stack.tokens.viewer,
    );
    expect(closed?.support).toBeCloseTo(tally.body.data?.voteTally.support as number, 9);
  });

  it('weighs an executive by how their past votes matched recorded outcomes', async () => {
    const right = await stack.tokens.executiveNamed('exec-right');
    const wrong = await stack.tokens.executiveNamed('exec-wrong');
    for (const title of ['Track record one', 'Track record two']) {
      const proposal = await openCouncilProposal(stack, title);
      const reason = 'my judgement';
      await executiveVote({ proposalId: proposal.id, choice: 'REJECT', reason }, right);
      await executiveVote({ proposalId: proposal.id, choice: 'APPROVE', reason }, wrong);
      const votes = await voteAll(stack, proposal, () => 'APPROVE');
      expect(votes.at(-1)?.proposal.status).toBe('ACCEPTED');
      // Approving turned out wrong.
      const outcome = await stack.call(
        'mutation ($id: ID!) { recordOutcome(proposalId: $id, outcome: REJECT) { id } }',
        { id: proposal.id },
        stack.tokens.executive,
      );
      expect(outcome.body.errors).toBeUndefined();
    }
    const next = await openCouncilProposal(stack, 'Track record three');
    for (const token of [right, wrong, stack.tokens.executive]) {
      const cast = await executiveVote(
        { proposalId: next.id, choice: 'APPROVE', reason: 'again' },
        token,
      );
      expect(cast.body.errors).toBeUndefined();
    }
    const rows = await stack.sql<{ person_subject: string; log_odds: number; why: string }>(
      `select person_subject, log_odds, why from decisions.proposal_stakeholders
        where proposal_id = $1 and person_subject is not null`,
      [next.id],
    );
    const of = (subject: string) => rows.find((row) => row.person_subject === subject);
    const prior = Math.log(0.8 / 0.2);
    expect(of('exec-right')?.log_odds).toBeGreaterThan(prior);
    expect(of('exec-right')?.why).toContain('2 of 2 past votes matched the recorded outcome');
    expect(of('exec-wrong')?.log_odds).toBeLessThan(prior);
    expect(of('exec-wrong')?.why).toContain('0 of 2 past votes matched');
    const shown = await stack.call<{
      proposal: { executiveVoters: { executive: string; logOdds: number; why: string }[] };
    }>(
      'query ($id: ID!) { proposal(id: $id) { executiveVoters { executive logOdds why } } }',
      { id: next.id },
      stack.tokens.viewer,
    );
    expect(shown.body.data?.proposal.executiveVoters).toHaveLength(3);
    expect(shown.body.data?.proposal.executiveVoters).toContainEqual({
      executive: 'exec-wrong',
      logOdds: of('exec-wrong')?.log_odds,
      why: of('exec-wrong')?.why,
    });
    // exec-1 voted earlier only on proposals whose outcome was never recorded.
    expect(of('exec-1')?.log_odds).toBeCloseTo(prior, 9);
    expect(of('exec-1')?.why).toContain('no recorded outcome yet');
  });

  it('refuses votes without a reason, from non-executives, on unknown or closed rounds: nothing written', async () => {
    const proposal = await openCouncilProposal(stack, 'Refused executive votes');
    const before = await stack.counts();
    const base = { proposalId: proposal.id, choice: 'APPROVE', reason: 'Because' };
    const cases: [Record<string, unknown>, string | undefined, Record<string, string>][] = [
      [{ ...base, reason: '  ' }, undefined, { code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' }],
      [
        { ...base, confidence: 1.5 },
        undefined,
        { code: 'BAD_USER_INPUT', reason: 'CONFIDENCE_OUT_OF_RANGE' },
      ],
      [{ ...base, round: 2 }, undefined, { code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' }],
      [base, stack.tokens.viewer, { code: 'FORBIDDEN' }],
      [
        base,
        await stack.tokens.agent(proposal.stakeholders[0]?.id as string),
        { code: 'FORBIDDEN' },
      ],
      [
        { ...base, proposalId: '00000000-0000-4000-8000-000000000000' },
        undefined,
        { code: 'NOT_FOUND' },
      ],
    ];
    for (const [input, token, expected] of cases) {
      const result = await executiveVote(input, token);
      expect(result.body.data?.castExecutiveVote ?? null).toBeNull();
      expect(codeOf(result)).toMatchObject(expected);
    }
    expect(await stack.counts()).toEqual(before);
  });
});
