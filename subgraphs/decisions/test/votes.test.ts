import { randomUUID } from 'node:crypto';
import { Jobs } from '@daena/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castVote,
  castVoteMutation,
  codeOf,
  createProposalMutation,
  openCouncilProposal,
  openProposal,
  voteAll,
  voteTallyQuery,
  type CastVote,
  type OpenedProposal,
  type VoteTally,
} from './operations.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const tally = async (proposalId: string, asOfVote?: string, round?: number) =>
  stack.call<{ voteTally: VoteTally }>(voteTallyQuery, { proposalId, asOfVote, round });
const weightOf = (proposal: OpenedProposal, ids: string[]) =>
  proposal.stakeholders.filter((s) => ids.includes(s.id)).reduce((sum, s) => sum + s.weight, 0);

/**
 * A council proposal whose round 1 ended undecided (10 of 16 approve, at confidence 0.1: undecided
 * whatever the records the file's earlier proposals gave the voters): round 2 is open.
 */
async function proposalInRound2(title: string): Promise<OpenedProposal> {
  const proposal = await openCouncilProposal(stack, title);
  await voteAll(
    stack,
    proposal,
    (i) => (i < 10 ? 'APPROVE' : 'REJECT'),
    () => ({ confidence: 0.1 }),
  );
  const [row] = await stack.sql<{ current_round: number }>(
    'select current_round from decisions.proposals where id = $1',
    [proposal.id],
  );
  expect(row?.current_round).toBe(2);
  return proposal;
}

describe('casting votes', () => {
  it('records stakeholder votes; the blind round 1 shows participation, not choices', async () => {
    const proposal = await openCouncilProposal(stack, 'Quarterly offsite');
    const [a, b, c] = proposal.stakeholders.map((s) => s.id) as [string, string, string];

    const first = await castVote(stack, {
      proposalId: proposal.id,
      agentId: a,
      choice: 'APPROVE',
      confidence: 0.9,
      rationale: 'Customers ask for it weekly.',
    });
    expect(first.body.errors).toBeUndefined();
    // The voter sees its own vote; the mutation's selection already sees the vote it wrote.
    expect(first.body.data?.castVote).toMatchObject({
      round: 1,
      sealed: false,
      choice: 'APPROVE',
      confidence: 0.9,
      rationale: 'Customers ask for it weekly.',
      agent: { id: a },
      proposal: { id: proposal.id, tally: { votesCounted: 1 } },
    });
    await castVote(stack, {
      proposalId: proposal.id,
      agentId: b,
      choice: 'REJECT',
      confidence: 0.1,
    });
    const last = await castVote(stack, { proposalId: proposal.id, agentId: c, choice: 'ABSTAIN' });

    const result = await tally(proposal.id);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.voteTally).toEqual({
      proposalId: proposal.id,
      round: 1,
      blind: true,
      approve: null,
      reject: null,
      abstain: null,
      votes: 3,
      votesCounted: 3,
      stakeholders: 16,
      participation: 3 / 16,
      weightVoted: expect.closeTo(weightOf(proposal, [a, b, c]), 9),
      support: null,
      interval: null,
      lastVote: { id: last.body.data?.castVote.id, choice: null },
      proposal: { id: proposal.id, status: 'OPEN' },
    });
    // Other voters (here b) see that a stakeholder voted, not how; b sees its own vote.
    const seen = await stack.call<{
      proposal: { votes: Pick<CastVote, 'sealed' | 'choice' | 'rationale'>[] };
    }>(
      'query ($id: ID!) { proposal(id: $id) { votes { sealed choice confidence rationale } } }',
      { id: proposal.id },
      await stack.tokens.agent(b),
    );
    expect(seen.body.data?.proposal.votes).toEqual([
      { sealed: true, choice: null, confidence: null, rationale: null },
      { sealed: false, choice: 'REJECT', confidence: 0.1, rationale: null },
      { sealed: true, choice: null, confidence: null, rationale: null },
    ]);
    expect(stack.events.voteCast.slice(-3).map((event) => event.data)).toEqual(
      [a, b, c].map((agentId) =>
        expect.objectContaining({ proposalId: proposal.id, agentId, round: 1 }),
      ),
    );
  });

  it('counts the same vote sent twice once, with one event; a changed vote updates the row', async () => {
    const proposal = await openCouncilProposal(stack, 'Shared glossary');
    const agentId = proposal.stakeholders[0]?.id as string;
    const input = {
      proposalId: proposal.id,
      agentId,
      choice: 'APPROVE',
      confidence: 0.8,
      rationale: 'ok',
    };
    const eventsBefore = stack.events.voteCast.length;

    const first = await castVote(stack, input);
    const again = await castVote(stack, input);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.castVote).toEqual(first.body.data?.castVote);
    const rowsOf = (table: string) =>
      stack.sql<{ n: string; seq: string }>(
        `select count(*) as n, max(seq) as seq from decisions.${table} where proposal_id = $1`,
        [proposal.id],
      );
    const [stored] = await rowsOf('votes');
    expect(stored?.n).toBe('1');
    expect((await rowsOf('vote_history'))[0]?.n).toBe('1');
    expect(stack.events.voteCast.slice(eventsBefore).map((e) => e.data)).toEqual([
      { proposalId: proposal.id, voteId: first.body.data?.castVote.id, agentId, round: 1 },
    ]);

    const changed = await castVote(stack, { ...input, choice: 'REJECT' });
    expect(changed.body.data?.castVote).toMatchObject({
      id: first.body.data?.castVote.id,
      choice: 'REJECT',
      createdAt: first.body.data?.castVote.createdAt,
    });
    expect(changed.body.data?.castVote.updatedAt).not.toBe(first.body.data?.castVote.updatedAt);
    const [updated] = await rowsOf('votes');
    expect(updated?.n).toBe('1');
    // Every change is audited: the history keeps both.
    const history = await stack.sql<{ choice: string }>(
      'select choice from decisions.vote_history where proposal_id = $1 order by seq',
      [proposal.id],
    );
    expect(history.map((row) => row.choice)).toEqual(['APPROVE', 'REJECT']);
    expect(BigInt(updated?.seq ?? 0)).toBeGreaterThan(BigInt(stored?.seq ?? 0));
    expect(stack.events.voteCast.slice(eventsBefore)).toHaveLength(2);
  });

  it('refuses wrong votes with typed errors, writing and publishing nothing', async () => {
    const proposal = await openProposal(stack, 'hr');
    const closed = await openProposal(stack, 'hr', 'Already decided');
    await stack.call(
      'mutation ($id: ID!) { closeProposal(id: $id) { id } }',
      { id: closed.id },
      stack.tokens.admin,
    );
    const draft = await stack.call<{ createProposal: { id: string } }>(
      createProposalMutation,
      { input: { title: 'Not yet', departmentId: stack.department('hr').id } },
      stack.tokens.executive,
    );
    const inRound2 = await proposalInRound2('Round 2 is open');
    const voter = proposal.stakeholders[0]?.id as string;
    const roundVoter = inRound2.stakeholders[0]?.id as string;
    const outsider = stack
      .department('hr')
      .agents.find((a) => !proposal.stakeholders.some((s) => s.id === a.id))?.id as string;
    const before = await stack.counts();
    const eventsBefore = stack.events.voteCast.length;
    const vote = (input: Record<string, unknown>, token?: string) =>
      stack.call<{ castVote: CastVote }>(
        castVoteMutation,
        { input: { proposalId: proposal.id, agentId: voter, choice: 'APPROVE', ...input } },
        token,
      );
    const asAgent = (id: string) => stack.tokens.agent(id);

    const cases: [string, Promise<Awaited<ReturnType<typeof vote>>>, Record<string, unknown>][] = [
      ['anonymous', vote({}), { code: 'UNAUTHENTICATED' }],
      [
        'an executive',
        vote({}, stack.tokens.executive),
        { code: 'FORBIDDEN', reason: 'NOT_THIS_AGENT' },
      ],
      [
        'another agent’s token',
        vote({}, await asAgent(outsider)),
        { code: 'FORBIDDEN', reason: 'NOT_THIS_AGENT' },
      ],
      [
        'a non-stakeholder',
        vote({ agentId: outsider }, await asAgent(outsider)),
        { code: 'FORBIDDEN', reason: 'NOT_A_STAKEHOLDER' },
      ],
      [
        'an admin for a non-stakeholder',
        vote({ agentId: outsider }, stack.tokens.admin),
        { code: 'FORBIDDEN', reason: 'NOT_A_STAKEHOLDER' },
      ],
      [
        'a closed proposal',
        vote({ proposalId: closed.id }, await asAgent(voter)),
        { code: 'CONFLICT', reason: 'PROPOSAL_CLOSED' },
      ],
      [
        'a draft',
        vote({ proposalId: draft.body.data?.createProposal.id }, await asAgent(voter)),
        { code: 'CONFLICT', reason: 'PROPOSAL_NOT_OPEN' },
      ],
      [
        'a closed round',
        vote(
          { proposalId: inRound2.id, agentId: roundVoter, choice: 'ABSTAIN', round: 1 },
          await asAgent(roundVoter),
        ),
        { code: 'CONFLICT', reason: 'ROUND_CLOSED' },
      ],
      [
        'a round not open yet',
        vote({ round: 2 }, await asAgent(voter)),
        { code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' },
      ],
      [
        'an unknown proposal',
        vote({ proposalId: randomUUID() }, await asAgent(voter)),
        { code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' },
      ],
      [
        'a malformed proposal id',
        vote({ proposalId: 'not-a-uuid' }, await asAgent(voter)),
        { code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' },
      ],
      [
        'confidence 1.5',
        vote({ confidence: 1.5 }, await asAgent(voter)),
        { code: 'BAD_USER_INPUT', reason: 'CONFIDENCE_OUT_OF_RANGE' },
      ],
      [
        'confidence -0.01',
        vote({ confidence: -0.01 }, await asAgent(voter)),
        { code: 'BAD_USER_INPUT', reason: 'CONFIDENCE_OUT_OF_RANGE' },
      ],
      [
        'a 2001-character rationale',
        vote({ rationale: 'x'.repeat(2001) }, await asAgent(voter)),
        { code: 'BAD_USER_INPUT', reason: 'RATIONALE_TOO_LONG' },
      ],
    ];
    for (const [name, pending, expected] of cases) {
      const result = await pending;
      expect({ name, error: codeOf(result) }).toEqual({
        name,
        error: expect.objectContaining(expected),
      });
      expect(result.body.data?.castVote ?? null).toBeNull();
    }
    expect(await stack.counts()).toEqual(before);
    expect(stack.events.voteCast).toHaveLength(eventsBefore);
  });
});

describe('the tally as of a vote', () => {
  it('shows the state that vote announced, even after more votes and changes (round 2, not blind)', async () => {
    const proposal = await proposalInRound2('Open-plan office');
    const [a, b, c] = proposal.stakeholders.map((s) => s.id) as [string, string, string];
    const cast = async (agentId: string, choice: string) =>
      (await castVote(stack, { proposalId: proposal.id, agentId, choice })).body.data?.castVote
        .id as string;

    await cast(a, 'APPROVE');
    const second = await cast(b, 'REJECT');
    await cast(c, 'APPROVE');
    await cast(a, 'REJECT'); // a changes its mind after b's vote was announced

    const asOfSecond = await tally(proposal.id, second);
    expect(asOfSecond.body.errors).toBeUndefined();
    expect(asOfSecond.body.data?.voteTally).toMatchObject({
      round: 2,
      blind: false,
      approve: 1,
      reject: 1,
      votesCounted: 2,
      votes: 3,
      support: expect.any(Number),
      participation: 2 / 16,
      lastVote: { id: second, choice: 'REJECT' },
    });
    expect((await tally(proposal.id)).body.data?.voteTally).toMatchObject({
      round: 2,
      approve: 1,
      reject: 2,
      votesCounted: 3,
      lastVote: { choice: 'REJECT' },
    });
    // Round 1 closed, so its tally is open to everyone.
    expect((await tally(proposal.id, undefined, 1)).body.data?.voteTally).toMatchObject({
      round: 1,
      blind: false,
      approve: 10,
      reject: 6,
      votesCounted: 16,
    });
  });

  it('refuses a vote of another proposal, an unknown proposal and a round never opened', async () => {
    const [one, two] = [await openProposal(stack, 'legal'), await openProposal(stack, 'legal')];
    const agentId = one.stakeholders[0]?.id as string;
    const vote = await castVote(stack, { proposalId: one.id, agentId, choice: 'APPROVE' });
    expect(codeOf(await tally(two.id, vote.body.data?.castVote.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VOTE_NOT_OF_PROPOSAL',
    });
    expect(codeOf(await tally(two.id, 'garbage'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(codeOf(await tally(two.id, undefined, 2))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ROUND_INVALID',
    });
    expect(codeOf(await tally(randomUUID()))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('starts empty: no votes, no last vote, nothing voted', async () => {
    const proposal = await openProposal(stack, 'customer-success');
    expect((await tally(proposal.id)).body.data?.voteTally).toMatchObject({
      round: 1,
      blind: true,
      votes: 0,
      votesCounted: 0,
      support: null,
      participation: 0,
      weightVoted: 0,
      stakeholders: proposal.stakeholders.length,
      lastVote: null,
    });
  });
});

describe('concurrent votes', () => {
  it('records the same vote sent 8 times at once exactly once, with one event', async () => {
    const proposal = await openProposal(stack, 'marketing');
    const agentId = proposal.stakeholders[0]?.id as string;
    const eventsBefore = stack.events.voteCast.length;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        castVote(stack, { proposalId: proposal.id, agentId, choice: 'APPROVE' }),
      ),
    );
    expect(new Set(results.map((result) => result.body.data?.castVote.id)).size).toBe(1);
    expect(stack.events.voteCast.length - eventsBefore).toBe(1);
    const [row] = await stack.sql<{ n: string }>(
      'select count(*) as n from decisions.vote_history where proposal_id = $1',
      [proposal.id],
    );
    expect(row?.n).toBe('1');
  });

  it('loses nothing when 64 votes arrive at once and close 4 rounds, and dedupes a replay', async () => {
    const proposals = await Promise.all(
      Array.from({ length: 4 }, (_, i) => openCouncilProposal(stack, `Parallel ${i}`)),
    );
    const before = await stack.counts();
    const eventsBefore = stack.events.voteCast.length;
    const ballots = proposals.flatMap((proposal, p) =>
      proposal.stakeholders.map((stakeholder, a) => ({
        proposalId: proposal.id,
        agentId: stakeholder.id,
        choice: (p + a) % 3 === 0 ? 'REJECT' : 'APPROVE',
        confidence: 0.5 + a / 32,
        round: 1,
      })),
    );
    expect(ballots).toHaveLength(64);

    const results = await Promise.all(ballots.map((ballot) => castVote(stack, ballot)));
    const accepted = results.filter((result) => result.body.data?.castVote && !result.body.errors);
    expect(accepted).toHaveLength(64);
    const after = await stack.counts();
    expect(after.votes - before.votes).toBe(64);
    expect(after.history - before.history).toBe(64);
    expect(stack.events.voteCast.length - eventsBefore).toBe(64);
    const seqs = await stack.sql<{ n: string }>(
      'select count(distinct seq) as n from decisions.votes where proposal_id = any($1::uuid[])',
      [proposals.map((p) => p.id)],
    );
    expect(seqs[0]?.n).toBe('64');
    // The last vote of each proposal closed its round 1 (right after that vote committed, before
    // it answered), once, with one transition and one durable round-complete job behind it.
    const closedRounds = await stack.sql<{ n: string }>(
      `select count(*) as n from decisions.voting_rounds
        where proposal_id = any($1::uuid[]) and round = 1 and closed_at is not null`,
      [proposals.map((p) => p.id)],
    );
    expect(closedRounds[0]?.n).toBe('4');
    const closes = await stack.sql<{ n: string }>(
      `select count(*) as n from decisions.proposal_transitions
        where proposal_id = any($1::uuid[]) and from_status = 'OPEN' and reason like 'round 1 %'`,
      [proposals.map((p) => p.id)],
    );
    expect(closes[0]?.n).toBe('4');
    for (const proposal of proposals) {
      const jobs = await stack.jobsOf(Jobs.roundComplete.name, proposal.id);
      expect(jobs.map((job) => job.data)).toEqual([{ proposalId: proposal.id, round: 1 }]);
    }

    // A redelivered vote of a closed round is answered with the stored vote: nothing changes.
    const replay = await Promise.all(ballots.map((ballot) => castVote(stack, ballot)));
    expect(replay.every((result) => !result.body.errors)).toBe(true);
    expect(await stack.counts()).toEqual(after);
    expect(stack.events.voteCast.length - eventsBefore).toBe(64);

    const tallies = await Promise.all(
      proposals.map((proposal) => tally(proposal.id, undefined, 1)),
    );
    for (const [p, result] of tallies.entries()) {
      const rejects = proposals[p]?.stakeholders.filter((_, a) => (p + a) % 3 === 0).length ?? 0;
      expect(result.body.data?.voteTally).toMatchObject({
        votesCounted: 16,
        participation: 1,
        reject: rejects,
        approve: 16 - rejects,
      });
    }
  });
});
