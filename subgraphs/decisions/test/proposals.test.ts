import { randomUUID } from 'node:crypto';
import { freePort, graphql } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castVote, openProposal, openProposalMutation, type OpenedProposal } from './operations.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

type Open = { openProposal: OpenedProposal };
const codeOf = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  result.body.errors?.[0]?.extensions;

describe('opening proposals', () => {
  it("snapshots the department's 8 agents as stakeholders and announces the proposal", async () => {
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
        },
      },
      stack.tokens.executive,
    );

    expect(result.body.errors).toBeUndefined();
    const proposal = result.body.data?.openProposal;
    expect(proposal).toMatchObject({
      title: 'Move CI to self-hosted runners',
      status: 'OPEN',
      department: { id: engineering.id },
      deadline,
      closedAt: null,
    });
    expect(proposal?.stakeholders.map((s) => s.id).sort()).toEqual(
      [...engineering.agentIds].sort(),
    );
    expect(proposal?.stakeholders).toHaveLength(8);
    expect(stack.events.proposalOpened.at(-1)?.data).toEqual({
      proposalId: proposal?.id,
      status: 'OPEN',
      departmentId: engineering.id,
    });

    const read = await stack.call<{ proposal: OpenedProposal; proposals: { id: string }[] }>(
      `query ($id: ID!, $dep: ID) {
        proposal(id: $id) { id stakeholders { id } }
        proposals(departmentId: $dep, status: OPEN) { id }
      }`,
      { id: proposal?.id, dep: engineering.id },
    );
    expect(read.body.data?.proposal.stakeholders).toHaveLength(8);
    expect(read.body.data?.proposals[0]?.id).toBe(proposal?.id);
  });

  it('lists newest first and filters by status and department', async () => {
    const older = await openProposal(stack, 'sales', 'Older');
    const newer = await openProposal(stack, 'sales', 'Newer');
    const result = await stack.call<{ sales: { id: string }[]; closed: { id: string }[] }>(
      `query ($dep: ID) {
        sales: proposals(departmentId: $dep) { id }
        closed: proposals(status: ACCEPTED) { id }
      }`,
      { dep: stack.department('sales').id },
    );
    expect(result.body.data?.sales.map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(result.body.data?.closed).toEqual([]);
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
      stakeholders: before.stakeholders + 8,
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

    const cases: [Record<string, unknown>, string | undefined, Record<string, unknown>][] = [
      [{}, undefined, { code: 'UNAUTHENTICATED' }],
      [{}, stack.tokens.viewer, { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }],
      [{ title: '' }, stack.tokens.executive, { code: 'BAD_USER_INPUT', reason: 'TITLE_LENGTH' }],
      [{ title: 'x'.repeat(201) }, stack.tokens.executive, { reason: 'TITLE_LENGTH' }],
      [
        { description: 'x'.repeat(10_001) },
        stack.tokens.executive,
        { reason: 'DESCRIPTION_TOO_LONG' },
      ],
      [
        { deadline: new Date(Date.now() - 1_000).toISOString() },
        stack.tokens.executive,
        { code: 'BAD_USER_INPUT', reason: 'DEADLINE_NOT_IN_FUTURE' },
      ],
      [
        { departmentId: randomUUID() },
        stack.tokens.executive,
        { code: 'NOT_FOUND', reason: 'DEPARTMENT_NOT_FOUND' },
      ],
    ];
    for (const [input, token, expected] of cases) {
      const result = await attempt(input, token);
      expect(result.body.data?.openProposal ?? null).toBeNull();
      expect(codeOf(result)).toMatchObject(expected);
    }
    expect(await stack.counts()).toEqual(before);
    expect(stack.events.proposalOpened).toHaveLength(openedBefore);
  });

  it('refuses a department without agents: NO_STAKEHOLDERS', async () => {
    // The agents API cannot create an empty department, so the test arranges one in its schema.
    const emptyId = randomUUID();
    await stack.sql(
      `insert into agents.departments (id, slug, name, ordinal) values ($1, 'research', 'Research', 99)`,
      [emptyId],
    );
    const before = await stack.counts();
    const result = await stack.call<Open>(
      openProposalMutation,
      { input: { title: 'Nobody to ask', departmentId: emptyId } },
      stack.tokens.admin,
    );
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_STAKEHOLDERS' });
    expect(await stack.counts()).toEqual(before);
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

  async function proposalWithVotes(choices: [string, number][]) {
    const proposal = await openProposal(stack, 'marketing', 'Rebrand');
    const agents = stack.department('marketing').agentIds;
    for (const [index, [choice, confidence]] of choices.entries()) {
      const vote = await castVote(stack, {
        proposalId: proposal.id,
        agentId: agents[index] as string,
        choice,
        confidence,
      });
      expect(vote.body.errors).toBeUndefined();
    }
    return proposal;
  }

  it.each([
    [
      'ACCEPTED',
      [
        ['APPROVE', 1],
        ['APPROVE', 0.6],
        ['REJECT', 1],
        ['ABSTAIN', 1],
      ],
    ],
    [
      'REJECTED',
      [
        ['APPROVE', 0.4],
        ['REJECT', 0.5],
      ],
    ],
    [
      'NO_CONSENSUS',
      [
        ['APPROVE', 0.5],
        ['REJECT', 0.5],
        ['ABSTAIN', 1],
      ],
    ],
    ['NO_CONSENSUS', []],
  ] as [string, [string, number][]][])('decides %s from %j', async (expected, choices) => {
    const proposal = await proposalWithVotes(choices);
    const closedBefore = stack.events.proposalClosed.length;
    const result = await close(proposal.id, stack.tokens.executive);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.closeProposal).toMatchObject({ id: proposal.id, status: expected });
    expect(result.body.data?.closeProposal.closedAt).not.toBeNull();
    expect(stack.events.proposalClosed.slice(closedBefore).map((e) => e.data)).toEqual([
      { proposalId: proposal.id, status: expected, departmentId: stack.department('marketing').id },
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
