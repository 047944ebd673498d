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

/** Live tally: one payload per accepted vote, with the voter resolved from the agents subgraph. */
export const voteTallySubscription = graphql(`
  subscription VoteTally($proposalId: ID!) {
    voteTally(proposalId: $proposalId) {
      proposalId
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
