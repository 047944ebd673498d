import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProposalRepository } from '../src/store/proposal-repository.js';
import { VoteRepository } from '../src/store/vote-repository.js';
import { castVote, openProposal } from './operations.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('federation contract', () => {
  it('declares entities, references to agents types and the bridged subscription', async () => {
    const served = await stack.call<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = served.body.data?._service.sdl ?? '';
    expect(sdl).toMatch(/type Proposal\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Vote\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Agent\s+@key\(fields: "id", resolvable: false\)\s+\{\s+id: ID!\s+\}/);
    expect(sdl).toMatch(
      /type Department\s+@key\(fields: "id", resolvable: false\)\s+\{\s+id: ID!\s+\}/,
    );
    expect(sdl).toMatch(/type Subscription \{[^}]*voteTally\(proposalId: ID!\): VoteTally!/);
    expect(sdl).toMatch(/voteTally\(round: Int, asOfVote: ID, proposalId: ID!\): VoteTally!/);
    expect(sdl).toMatch(
      /type Subscription \{[^}]*proposalUpdates\(proposalId: ID\): ProposalTransition!/,
    );
    expect(sdl).toMatch(
      /proposalUpdates\(proposalId: ID, transitionId: ID!\): ProposalTransition\n/,
    );
  });

  it('resolves Proposal and Vote references in one batch per type, null for unknown ids', async () => {
    const proposals = [
      await openProposal(stack, 'engineering', 'One'),
      await openProposal(stack, 'product', 'Two'),
      await openProposal(stack, 'sales', 'Three'),
    ];
    const votes: string[] = [];
    for (const proposal of proposals) {
      const agentId = proposal.stakeholders[0]?.id as string;
      const vote = await castVote(stack, { proposalId: proposal.id, agentId, choice: 'APPROVE' });
      votes.push(vote.body.data?.castVote.id as string);
    }
    const proposalsByIds = vi.spyOn(ProposalRepository.prototype, 'byIds');
    const stakeholdersOf = vi.spyOn(ProposalRepository.prototype, 'stakeholdersOf');
    const votesByIds = vi.spyOn(VoteRepository.prototype, 'byIds');
    const votesOf = vi.spyOn(VoteRepository.prototype, 'ofRounds');

    const result = await stack.call<{
      _entities: (Record<string, unknown> | null)[];
    }>(
      `query ($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Proposal {
            id
            title
            department { id }
            stakeholders { id }
            votes { id agent { id } }
            tally { votesCounted stakeholders }
          }
          ... on Vote { id choice agent { id } proposal { id title } }
        }
      }`,
      {
        reps: [
          ...proposals.map((p) => ({ __typename: 'Proposal', id: p.id })),
          { __typename: 'Proposal', id: randomUUID() },
          ...votes.map((id) => ({ __typename: 'Vote', id })),
          { __typename: 'Vote', id: 'not-a-uuid' },
        ],
      },
    );

    expect(result.body.errors).toBeUndefined();
    const entities = result.body.data?._entities ?? [];
    expect(entities).toHaveLength(8);
    expect(entities[0]).toMatchObject({
      id: proposals[0]?.id,
      title: 'One',
      tally: { votesCounted: 1, stakeholders: proposals[0]?.stakeholders.length },
    });
    expect(entities[0]?.['stakeholders']).toHaveLength(proposals[0]?.stakeholders.length ?? -1);
    expect(entities[3]).toBeNull();
    expect(entities[4]).toMatchObject({ id: votes[0], proposal: { id: proposals[0]?.id } });
    expect(entities[7]).toBeNull();
    // One query per entity type and per nested list, however many representations.
    expect(proposalsByIds).toHaveBeenCalledTimes(1);
    expect(votesByIds).toHaveBeenCalledTimes(1);
    expect(stakeholdersOf).toHaveBeenCalledTimes(1);
    expect(votesOf).toHaveBeenCalledTimes(1);
  });
});
