import { randomUUID } from 'node:crypto';
import { Jobs } from '@daena/contracts';
import { freePort, graphql } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castVote,
  codeOf,
  openCouncilProposal,
  openProposal,
  openProposalMutation,
  type OpenedProposal,
  voteAll,
} from './operations.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

type Open = { openProposal: OpenedProposal };
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('opening proposals', () => {
  it('snapshots the weighted stakeholders and the threshold, asks each for a vote, announces it', async () => {
    const engineering = stack.department('engineering');
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const result = await stack.call<Open>(
      openProposalMutation,
      {
        input: {
          title: 'Move CI to self-hosted runners',
          description: 'Cut build minutes in half.',
          departmentId: engineering.id,
          deadline,
          risk: 0.8,
        },
      },
      stack.tokens.executive,
    );

    expect(result.body.errors).toBeUndefined();
    const proposal = result.body.data?.openProposal as OpenedProposal;
    expect(proposal).toMatchObject({
      title: 'Move CI to self-hosted runners',
      status: 'OPEN',
      kind: 'STRATEGIC',
      currentRound: 1,
      department: { id: engineering.id },
      departments: [{ id: engineering.id }],
      deadline,
      closedAt: null,
    });
    // A STRATEGIC decision of one department: its Strategic Advisor and the Border Agents of the
    // neighbouring cells (ARCHITECTURE §1), weighted, capped, summing to 1.
    const advisor = engineering.agents.find((a) => a.role === 'STRATEGIC_ADVISOR')?.id;
    const borders = stack.departments
      .filter((d) => engineering.neighborIds.includes(d.id))
      .map((d) => d.agents.find((a) => a.role === 'BORDER_AGENT')?.id);
    expect(proposal.stakeholders.map((s) => s.id).sort()).toEqual([advisor, ...borders].sort());
    expect(sum(proposal.stakeholders.map((s) => s.weight))).toBeCloseTo(1, 9);
    for (const stakeholder of proposal.stakeholders) expect(stakeholder.why).not.toBe('');
    // Risk 0.8 asks for more than the 0.66 of a middling proposal.
    expect(proposal.threshold).toBeCloseTo(0.55 + 0.8 * 0.2 + 0.05 - 0.04, 9);
    expect(proposal.thresholdExplanation).toContain('Risk 0.80 adds 0.160');

    expect(stack.events.proposalOpened.at(-1)?.data).toEqual({
      proposalId: proposal.id,
      status: 'OPEN',
      departmentId: engineering.id,
    });
    expect(
      stack.events.proposalTransitioned
        .filter((e) => e.data.proposalId === proposal.id)
        .map((e) => [e.data.from, e.data.to, e.data.round]),
    ).toEqual([
      [null, 'DRAFT', 0],
      ['DRAFT', 'OPEN', 1],
    ]);
    const requests = await stack.jobsOf(Jobs.voteRequested.name, proposal.id);
    expect(requests.map((job) => job.data['agentId']).sort()).toEqual(
      proposal.stakeholders.map((s) => s.id).sort(),
    );
    expect(requests[0]?.data).toMatchObject({ round: 1, deadline: expect.any(String) });
    expect(await stack.jobsOf(Jobs.roundDeadline.name, proposal.id)).toEqual([
      { data: { proposalId: proposal.id, round: 1 }, state: 'created' },
    ]);

    const read = await stack.call<{ proposal: OpenedProposal; proposals: { id: string }[] }>(
      `query ($id: ID!, $dep: ID) {
        proposal(id: $id) { id stakeholders { id } }
        proposals(departmentId: $dep, status: OPEN) { id }
      }`,
      { id: proposal.id, dep: engineering.id },
    );
    expect(read.body.data?.proposal.stakeholders).toHaveLength(proposal.stakeholders.length);
    expect(read.body.data?.proposals[0]?.id).toBe(proposal.id);
  });

  it('lists newest first and filters by status and by affected department', async () => {
    const older = await openProposal(stack, 'sales', 'Older');
    const newer = await openProposal(stack, 'sales', 'Newer');
    const shared = await openProposal(stack, 'marketing', 'Joint campaign', {
      affectedDepartmentIds: [stack.department('sales').id],
    });
    const result = await stack.call<{ sales: { id: string }[]; closed: { id: string }[] }>(
      `query ($dep: ID) {
        sales: proposals(departmentId: $dep) { id }
        closed: proposals(status: ACCEPTED) { id }
      }`,
      { dep: stack.department('sales').id },
    );
    expect(result.body.data?.sales.map((p) => p.id)).toEqual([shared.id, newer.id, older.id]);
    expect(result.body.data?.closed).toEqual([]);
  });

  it('lists what closed since an instant, in the order it closed', async () => {
    const before = await openCouncilProposal(stack, 'Closed before the instant');
    const first = await openCouncilProposal(stack, 'Closed first');
    const second = await openCouncilProposal(stack, 'Closed second');
    const open = await openCouncilProposal(stack, 'Still open');
    await voteAll(stack, before, () => 'APPROVE');
    // The database's clock, which stamps closedAt.
    const [instant] = await stack.sql<{ now: Date }>('select clock_timestamp() as now');
    await voteAll(stack, second, () => 'APPROVE');
    await voteAll(stack, first, () => 'APPROVE');

    const result = await stack.call<{ accepted: { id: string }[]; all: { id: string }[] }>(
      `query ($since: DateTimeISO) {
        accepted: proposals(status: ACCEPTED, closedSince: $since) { id }
        all: proposals(closedSince: $since) { id }
      }`,
      { since: instant?.now.toISOString() },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.accepted.map((p) => p.id)).toEqual([second.id, first.id]);
    // Only what closed: neither the open proposal nor the one closed before.
    expect(result.body.data?.all.map((p) => p.id)).toEqual([second.id, first.id]);
    expect([before.id, open.id]).not.toContain(result.body.data?.all[0]?.id);
  });

  it('lets a department lead open proposals in their own department only', async () => {
    const before = await stack.counts();
    const input = (slug: string) => ({
      title: 'Lead idea',
      departmentId: stack.department(slug).id,
    });
    const own = await stack.call<Open>(
      openProposalMutation,
      { input: input('finance') },
      await stack.tokens.lead('finance'),
    );
    expect(own.body.errors).toBeUndefined();

    const other = await stack.call<Open>(
      openProposalMutation,
      { input: input('legal') },
      await stack.tokens.lead('finance'),
    );
    expect(codeOf(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    expect(await stack.counts()).toEqual({
      ...before,
      proposals: before.proposals + 1,
      stakeholders: before.stakeholders + (own.body.data?.openProposal.stakeholders.length ?? 0),
      rounds: before.rounds + 1,
      transitions: before.transitions + 2,
    });
  });

  it('refuses bad callers and bad input with typed errors and writes nothing', async () => {
    const before = await stack.counts();
    const openedBefore = stack.events.proposalOpened.length;
    const departmentId = stack.department('hr').id;
    const attempt = (input: Record<string, unknown>, token?: string) =>
      stack.call<Open>(
        openProposalMutation,
        { input: { title: 'T', departmentId, ...input } },
        token,
      );
    const executive = stack.tokens.executive;

    const cases: [Record<string, unknown>, string | undefined, Record<string, unknown>][] = [
      [{}, undefined, { code: 'UNAUTHENTICATED' }],
      [{}, stack.tokens.viewer, { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
      [{ title: '' }, executive, { code: 'BAD_USER_INPUT', reason: 'TITLE_LENGTH' }],
      [{ title: 'x'.repeat(201) }, executive, { reason: 'TITLE_LENGTH' }],
      [{ description: 'x'.repeat(10_001) }, executive, { reason: 'DESCRIPTION_TOO_LONG' }],
      [
        { deadline: new Date(Date.now() - 1_000).toISOString() },
        executive,
        { code: 'BAD_USER_INPUT', reason: 'DEADLINE_NOT_IN_FUTURE' },
      ],
      [{ risk: 1.5 }, executive, { code: 'BAD_USER_INPUT', reason: 'FEATURE_OUT_OF_RANGE' }],
      [{ urgency: -1 }, executive, { code: 'BAD_USER_INPUT', reason: 'FEATURE_OUT_OF_RANGE' }],
      [{ maxRounds: 0 }, executive, { code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE' }],
      [{ roundSeconds: 0 }, executive, { code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE' }],
      [
        { departmentId: randomUUID() },
        executive,
        { code: 'NOT_FOUND', reason: 'DEPARTMENT_NOT_FOUND' },
      ],
      [
        { affectedDepartmentIds: [randomUUID()] },
        executive,
        { code: 'NOT_FOUND', reason: 'DEPARTMENT_NOT_FOUND' },
      ],
      [
        { requesterAgentId: randomUUID() },
        executive,
        { code: 'NOT_FOUND', reason: 'AGENT_NOT_FOUND' },
      ],
    ];
    for (const [input, token, expected] of cases) {
      const result = await attempt(input, token);
      expect(result.body.data?.openProposal ?? null).toBeNull();
      expect({ input, error: codeOf(result) }).toEqual({
        input,
        error: expect.objectContaining(expected),
      });
    }
    expect(await stack.counts()).toEqual(before);
    expect(stack.events.proposalOpened).toHaveLength(openedBefore);
  });

  it('refuses a proposal nobody may vote on: NO_STAKEHOLDERS, nothing written', async () => {
    // The agents API cannot create an empty department, so the test arranges one in its schema.
    const emptyId = randomUUID();
    await stack.sql(
      `insert into agents.departments (id, slug, name, ordinal) values ($1, 'research', 'Research', 99)`,
      [emptyId],
    );
    const before = await stack.counts();
    const transitionsBefore = stack.events.proposalTransitioned.length;
    const result = await stack.call<Open>(
      openProposalMutation,
      { input: { title: 'Nobody to ask', departmentId: emptyId } },
      stack.tokens.admin,
    );
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_STAKEHOLDERS' });
    expect(await stack.counts()).toEqual(before);
    expect(stack.events.proposalTransitioned).toHaveLength(transitionsBefore);
  });

  it('answers UNAVAILABLE when the agents subgraph is unreachable, writing nothing', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}/graphql`;
    const isolated = await stack.startDecisions(nobody);
    const before = await stack.counts();
    const result = await graphql<Open>(
      isolated.url,
      openProposalMutation,
      { input: { title: 'T', departmentId: stack.department('hr').id } },
      stack.tokens.executive,
    );
    expect(codeOf(result)).toMatchObject({ code: 'UNAVAILABLE', reason: 'AGENTS_UNAVAILABLE' });
    expect(await stack.counts()).toEqual(before);
  });
});

describe('closing proposals', () => {
  const close = (id: string, token?: string) =>
    stack.call<{ closeProposal: { id: string; status: string; closedAt: string | null } }>(
      'mutation ($id: ID!) { closeProposal(id: $id) { id status closedAt } }',
      { id },
      token,
    );

  /** A council proposal (16 stakeholders) with the first `choices.length` of them voting. */
  async function proposalWithVotes(choices: string[]) {
    const proposal = await openCouncilProposal(stack, 'Rebrand');
    for (const [index, choice] of choices.entries()) {
      const vote = await castVote(stack, {
        proposalId: proposal.id,
        agentId: proposal.stakeholders[index]?.id as string,
        choice,
      });
      expect(vote.body.errors).toBeUndefined();
    }
    return proposal;
  }

  it.each([
    ['ACCEPTED', Array<string>(12).fill('APPROVE')],
    ['REJECTED', Array<string>(12).fill('REJECT')],
    // Support 0.5 with a wide interval: undecided, and closing allows no further round.
    ['NO_CONSENSUS', ['APPROVE', 'REJECT', 'APPROVE', 'REJECT', 'ABSTAIN']],
    ['NO_CONSENSUS', []],
  ] as [string, string[]][])('decides %s from %j', async (expected, choices) => {
    const proposal = await proposalWithVotes(choices);
    const closedBefore = stack.events.proposalClosed.length;
    const result = await close(proposal.id, stack.tokens.executive);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.closeProposal).toMatchObject({ id: proposal.id, status: expected });
    expect(result.body.data?.closeProposal.closedAt).not.toBeNull();
    expect(stack.events.proposalClosed.slice(closedBefore).map((e) => e.data)).toEqual([
      {
        proposalId: proposal.id,
        status: expected,
        departmentId: stack.department('engineering').id,
      },
    ]);
  });

  it('closes once: again is CONFLICT, a lead is FORBIDDEN, an unknown id NOT_FOUND', async () => {
    const proposal = await openProposal(stack, 'legal');
    expect(codeOf(await close(proposal.id, await stack.tokens.lead('legal')))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await close(proposal.id, stack.tokens.admin)).body.errors).toBeUndefined();
    expect(codeOf(await close(proposal.id, stack.tokens.admin))).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSAL_CLOSED',
    });
    expect(codeOf(await close(randomUUID(), stack.tokens.admin))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PROPOSAL_NOT_FOUND',
    });
    expect(codeOf(await close(proposal.id))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
