/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateProposalDocument,
    "\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OpenDraftDocument,
    "\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n": typeof types.OpenProposalDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n": typeof types.CastVoteDocument,
    "\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.VoteTallyDocument,
};
const documents: Documents = {
    "\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n": types.OrganizationDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateProposalDocument,
    "\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OpenDraftDocument,
    "\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n": types.OpenProposalDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n": types.CastVoteDocument,
    "\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.VoteTallyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n"): (typeof documents)["\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;