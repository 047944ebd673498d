import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castVote,
  castVoteMutation,
  openProposal,
  voteTallyQuery,
  type CastVote,
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

const tally = async (proposalId: string, asOfVote?: string) =>
  stack.call<{ voteTally: VoteTally }>(voteTallyQuery, { proposalId, asOfVote });
const codeOf = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  result.body.errors?.[0]?.extensions;

describe('casting votes', () => {
  it('records stakeholder votes and tallies them', async () => {
    const proposal = await openProposal(stack, 'product');
    const [a, b, c] = stack.department('product').agentIds as [string, string, string];

    const first = await castVote(stack, {
      proposalId: proposal.id,
      agentId: a,
      choice: 'APPROVE',
      confidence: 0.9,
      rationale: 'Customers ask for it weekly.',
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.castVote).toMatchObject({
      choice: 'APPROVE',
      confidence: 0.9,
      rationale: 'Customers ask for it weekly.',
      agent: { id: a },
      // The mutation's own selection already sees the vote it wrote.
      proposal: { id: proposal.id, tally: { votesCounted: 1 } },
    });
    await castVote(stack, {
      proposalId: proposal.id,
      agentId: b,
      choice: 'REJECT',
      confidence: 0.3,
    });
    const last = await castVote(stack, { proposalId: proposal.id, agentId: c, choice: 'ABSTAIN' });

    const result = await tally(proposal.id);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.voteTally).toEqual({
      proposalId: proposal.id,
      approve: 1,
      reject: 1,
      abstain: 1,
      votes: 3,
      votesCounted: 3,
      stakeholders: 8,
      participation: 3 / 8,
      support: 0.9 / 1.2,
      lastVote: { id: last.body.data?.castVote.id, choice: 'ABSTAIN' },
      proposal: { id: proposal.id, status: 'OPEN' },
    });
    expect(stack.events.voteCast.slice(-3).map((event) => event.data)).toEqual(
      [a, b, c].map((agentId) =>
        expect.objectContaining({ proposalId: proposal.id, agentId, round: 1 }),
      ),
    );
  });

  it('counts the same vote sent twice once, with one event; a changed vote updates the row', async () => {
    const proposal = await openProposal(stack, 'finance');
    const agentId = stack.department('finance').agentIds[0] as string;
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
    expect((await rowsOf('vote_history'))[0]?.n).toBe('2');
    expect(BigInt(updated?.seq ?? 0)).toBeGreaterThan(BigInt(stored?.seq ?? 0));
    expect(stack.events.voteCast.slice(eventsBefore)).toHaveLength(2);
    expect((await tally(proposal.id)).body.data?.voteTally).toMatchObject({
      approve: 0,
      reject: 1,
    });
  });

  it('refuses wrong votes with typed errors, writing and publishing nothing', async () => {
    const proposal = await openProposal(stack, 'hr');
    const closed = await openProposal(stack, 'hr', 'Already decided');
    await stack.call(
      'mutation ($id: ID!) { closeProposal(id: $id) { id } }',
      { id: closed.id },
      stack.tokens.admin,
    );
    const hrAgent = stack.department('hr').agentIds[0] as string;
    const outsider = stack.department('legal').agentIds[0] as string;
    const before = await stack.counts();
    const eventsBefore = stack.events.voteCast.length;
    const vote = (input: Record<string, unknown>, token?: string) =>
      stack.call<{ castVote: CastVote }>(
        castVoteMutation,
        { input: { proposalId: proposal.id, agentId: hrAgent, choice: 'APPROVE', ...input } },
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
        vote({ proposalId: closed.id }, await asAgent(hrAgent)),
        { code: 'CONFLICT', reason: 'PROPOSAL_CLOSED' },
      ],
      [
        'an unknown proposal',
        vote({ proposalId: randomUUID() }, await asAgent(hrAgent)),
        { code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' },
      ],
      [
        'a malformed proposal id',
        vote({ proposalId: 'not-a-uuid' }, await asAgent(hrAgent)),
        { code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' },
      ],
      [
        'confidence 1.5',
        vote({ confidence: 1.5 }, await asAgent(hrAgent)),
        { code: 'BAD_USER_INPUT', reason: 'CONFIDENCE_OUT_OF_RANGE' },
      ],
      [
        'a 2001-character rationale',
        vote({ rationale: 'x'.repeat(2001) }, await asAgent(hrAgent)),
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
  it('shows the state that vote announced, even after more votes and changes', async () => {
    const proposal = await openProposal(stack, 'sales');
    const [a, b, c] = stack.department('sales').agentIds as [string, string, string];
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
      approve: 1,
      reject: 1,
      votesCounted: 2,
      votes: 3,
      support: 0.5,
      participation: 2 / 8,
      lastVote: { id: second, choice: 'REJECT' },
    });
    expect((await tally(proposal.id)).body.data?.voteTally).toMatchObject({
      approve: 1,
      reject: 2,
      votesCounted: 3,
      lastVote: { choice: 'REJECT' },
    });
  });

  it('refuses a vote of another proposal, and an unknown proposal', async () => {
    const [one, two] = [await openProposal(stack, 'legal'), await openProposal(stack, 'legal')];
    const agentId = stack.department('legal').agentIds[0] as string;
    const vote = await castVote(stack, { proposalId: one.id, agentId, choice: 'APPROVE' });
    expect(codeOf(await tally(two.id, vote.body.data?.castVote.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VOTE_NOT_OF_PROPOSAL',
    });
    expect(codeOf(await tally(two.id, 'garbage'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(codeOf(await tally(randomUUID()))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('starts empty: no votes, no last vote, support 0', async () => {
    const proposal = await openProposal(stack, 'customer-success');
    expect((await tally(proposal.id)).body.data?.voteTally).toMatchObject({
      votes: 0,
      votesCounted: 0,
      support: 0,
      participation: 0,
      stakeholders: 8,
      lastVote: null,
    });
  });
});

describe('concurrent votes', () => {
  it('records the same vote sent 8 times at once exactly once, with one event', async () => {
    const proposal = await openProposal(stack, 'marketing');
    const agentId = stack.department('marketing').agentIds[0] as string;
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

  it('loses nothing when 8 agents vote on 8 proposals at once, and dedupes a replay', async () => {
    const engineering = stack.department('engineering');
    const proposals = await Promise.all(
      Array.from({ length: 8 }, (_, i) => openProposal(stack, 'engineering', `Parallel ${i}`)),
    );
    const before = await stack.counts();
    const eventsBefore = stack.events.voteCast.length;
    const ballots = proposals.flatMap((proposal, p) =>
      engineering.agentIds.map((agentId, a) => ({
        proposalId: proposal.id,
        agentId,
        choice: (p + a) % 3 === 0 ? 'REJECT' : 'APPROVE',
        confidence: 0.5 + a / 16,
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

    const replay = await Promise.all(ballots.map((ballot) => castVote(stack, ballot)));
    expect(replay.every((result) => !result.body.errors)).toBe(true);
    expect(await stack.counts()).toEqual(after);
    expect(stack.events.voteCast.length - eventsBefore).toBe(64);

    const tallies = await Promise.all(proposals.map((proposal) => tally(proposal.id)));
    for (const [p, result] of tallies.entries()) {
      const rejects = engineering.agentIds.filter((_, a) => (p + a) % 3 === 0).length;
      expect(result.body.data?.voteTally).toMatchObject({
        votesCounted: 8,
        participation: 1,
        reject: rejects,
        approve: 8 - rejects,
      });
    }
  });
});
