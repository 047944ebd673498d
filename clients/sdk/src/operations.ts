import { graphql } from './gql/index.js';

/** The honeycomb: every department with its agents. */
export const organizationQuery = graphql(`
  query Organization {
    departments {
      id
      slug
      name
      agents {
        id
        name
        role
        status
      }
    }
  }
`);

/** A proposal as a draft: nobody is asked to vote until it is opened. */
export const createProposalMutation = graphql(`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
      status
    }
  }
`);

/** Opens a draft: the threshold and stakeholders are fixed and round 1 starts. */
export const openDraftMutation = graphql(`
  mutation OpenDraft($id: ID!) {
    openProposal(id: $id) {
      id
      status
      threshold
      thresholdExplanation
      stakeholders {
        weight
        why
        agent {
          id
          name
        }
      }
    }
  }
`);

export const openProposalMutation = graphql(`
  mutation OpenProposal($input: OpenProposalInput!) {
    openProposal(input: $input) {
      id
      title
      status
      stakeholders {
        id
      }
    }
  }
`);

export const castVoteMutation = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      id
      choice
      confidence
    }
  }
`);

/**
 * Live tally: one payload per accepted vote, with the voter resolved from the agents subgraph.
 * While round 1 is open it is blind: participation shows, choices and support are null.
 */
export const voteTallySubscription = graphql(`
  subscription VoteTally($proposalId: ID!) {
    voteTally(proposalId: $proposalId) {
      proposalId
      round
      blind
      weightVoted
      approve
      reject
      abstain
      votesCounted
      stakeholders
      participation
      support
      lastVote {
        choice
        agent {
          name
          role
          department {
            name
          }
        }
      }
    }
  }
`);
