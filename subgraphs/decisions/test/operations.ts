import type { Stack } from './stack.js';

/** The GraphQL documents and result shapes the decisions tests send and read. */
const proposalFields = `
  id
  title
  description
  status
  kind
  currentRound
  maxRounds
  threshold
  thresholdExplanation
  department { id }
  departments { id }
  stakeholders { id weight why }
  createdAt
  deadline
  closedAt
`;

export const openProposalMutation = `
  mutation ($input: OpenProposalInput!) {
    openProposal(input: $input) { ${proposalFields} }
  }
`;

export const createProposalMutation = `
  mutation ($input: CreateProposalInput!) {
    createProposal(input: $input) { ${proposalFields} }
  }
`;

export const openDraftMutation = `
  mutation ($id: ID!) {
    openProposal(id: $id) { ${proposalFields} }
  }
`;

export const castVoteMutation = `
  mutation ($input: CastVoteInput!) {
    castVote(input: $input) {
      id
      round
      sealed
      choice
      confidence
      rationale
      createdAt
      updatedAt
      agent { id }
      proposal { id currentRound status tally { votesCounted } }
    }
  }
`;

export const voteTallyQuery = `
  query ($proposalId: ID!, $asOfVote: ID, $round: Int) {
    voteTally(proposalId: $proposalId, asOfVote: $asOfVote, round: $round) {
      proposalId
      round
      blind
      approve
      reject
      abstain
      votes
      stakeholders
      participation
      weightVoted
      support
      interval { low high }
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
  kind: string;
  currentRound: number;
  maxRounds: number;
  threshold: number | null;
  thresholdExplanation: string | null;
  department: { id: string };
  departments: { id: string }[];
  stakeholders: { id: string; weight: number; why: string }[];
  createdAt: string;
  deadline: string | null;
  closedAt: string | null;
}

export interface CastVote {
  id: string;
  round: number;
  sealed: boolean;
  choice: string | null;
  confidence: number | null;
  rationale: string | null;
  createdAt: string;
  updatedAt: string;
  agent: { id: string };
  proposal: { id: string; currentRound: number; status: string; tally: { votesCounted: number } };
}

export interface VoteTally {
  proposalId: string;
  round: number;
  blind: boolean;
  approve: number | null;
  reject: number | null;
  abstain: number | null;
  votes: number;
  stakeholders: number;
  participation: number;
  weightVoted: number;
  support: number | null;
  interval: { low: number; high: number } | null;
  votesCounted: number;
  lastVote: { id: string; choice: string | null } | null;
  proposal: { id: string; status: string };
}

/** Opens a proposal as an executive and returns it; fails the test on any error. */
export async function openProposal(
  stack: Stack,
  departmentSlug: string,
  title = 'Adopt a four-day week',
  input: Record<string, unknown> = {},
): Promise<OpenedProposal> {
  const result = await stack.call<{ openProposal: OpenedProposal }>(
    openProposalMutation,
    { input: { title, departmentId: stack.department(departmentSlug).id, ...input } },
    stack.tokens.executive,
  );
  if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data.openProposal;
}

/**
 * A cross-department proposal put to the whole organization: every department is affected, so
 * its Synthesizer and Strategic Advisor vote (16 stakeholders), enough for a round to decide.
 */
export function openCouncilProposal(
  stack: Stack,
  title = 'Adopt a shared planning calendar',
  input: Record<string, unknown> = {},
): Promise<OpenedProposal> {
  return openProposal(stack, 'engineering', title, {
    kind: 'CROSS_DEPARTMENT',
    affectedDepartmentIds: stack.departments.map((department) => department.id),
    ...input,
  });
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
    round?: number;
  },
) {
  return stack.call<{ castVote: CastVote }>(
    castVoteMutation,
    { input },
    await stack.tokens.agent(input.agentId),
  );
}

/** Every stakeholder votes `choice(index)`, one after the other; fails the test on any error. */
export async function voteAll(
  stack: Stack,
  proposal: { id: string; stakeholders: { id: string }[] },
  choice: (index: number) => string,
  extra: (index: number) => {
    confidence?: number;
    rationale?: string;
    round?: number;
  } = () => ({}),
): Promise<CastVote[]> {
  const votes: CastVote[] = [];
  for (const [index, stakeholder] of proposal.stakeholders.entries()) {
    const result = await castVote(stack, {
      proposalId: proposal.id,
      agentId: stakeholder.id,
      choice: choice(index),
      ...extra(index),
    });
    if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
    votes.push(result.body.data.castVote);
  }
  return votes;
}

export const codeOf = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  result.body.errors?.[0]?.extensions;
