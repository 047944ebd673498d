import type { Stack } from './stack.js';

/** The GraphQL documents and result shapes the decisions tests send and read. */
export const openProposalMutation = `
  mutation ($input: OpenProposalInput!) {
    openProposal(input: $input) {
      id
      title
      description
      status
      department { id }
      stakeholders { id }
      createdAt
      deadline
      closedAt
    }
  }
`;

export const castVoteMutation = `
  mutation ($input: CastVoteInput!) {
    castVote(input: $input) {
      id
      round
      choice
      confidence
      rationale
      createdAt
      updatedAt
      agent { id }
      proposal { id tally { votesCounted } }
    }
  }
`;

export const voteTallyQuery = `
  query ($proposalId: ID!, $asOfVote: ID) {
    voteTally(proposalId: $proposalId, asOfVote: $asOfVote) {
      proposalId
      approve
      reject
      abstain
      votes
      stakeholders
      participation
      support
      votesCounted
      lastVote { id choice }
      proposal { id status }
    }
  }
`;

export interface OpenedProposal {
  id: string;
  title: string;
  status: string;
  department: { id: string };
  stakeholders: { id: string }[];
  createdAt: string;
  deadline: string | null;
  closedAt: string | null;
}

export interface CastVote {
  id: string;
  choice: string;
  confidence: number;
  rationale: string | null;
  createdAt: string;
  updatedAt: string;
  agent: { id: string };
  proposal: { id: string; tally: { votesCounted: number } };
}

export interface VoteTally {
  proposalId: string;
  approve: number;
  reject: number;
  abstain: number;
  votes: number;
  stakeholders: number;
  participation: number;
  support: number;
  votesCounted: number;
  lastVote: { id: string; choice: string } | null;
  proposal: { id: string; status: string };
}

/** Opens a proposal as an executive and returns it; fails the test on any error. */
export async function openProposal(
  stack: Stack,
  departmentSlug: string,
  title = 'Adopt a four-day week',
): Promise<OpenedProposal> {
  const result = await stack.call<{ openProposal: OpenedProposal }>(
    openProposalMutation,
    { input: { title, departmentId: stack.department(departmentSlug).id } },
    stack.tokens.executive,
  );
  if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data.openProposal;
}

/** Casts a vote as the agent itself. */
export async function castVote(
  stack: Stack,
  input: {
    proposalId: string;
    agentId: string;
    choice: string;
    confidence?: number;
    rationale?: string;
  },
) {
  return stack.call<{ castVote: CastVote }>(
    castVoteMutation,
    { input },
    await stack.tokens.agent(input.agentId),
  );
}
