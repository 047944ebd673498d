import {
  DaenaError,
  ErrorCode,
  postToSubgraph,
  UnavailableError,
  type GraphQLResponseBody,
  type Logger,
  type OpenEnums,
  type SubgraphOperation,
} from '@daena/platform';
import {
  AgentCastVoteDocument,
  VoteProposalDocument,
  type AgentCastVoteMutation,
  type CastVoteInput,
  type VoteProposalQuery,
} from '@daena/contracts/graphql/decisions';
import { z } from 'zod';
import type { PreviousRound } from '../domain/vote-policy.js';

export interface DecisionsHttpOptions {
  url: string;
  timeoutMs: number;
  log: Logger;
}

export type DecisionsResponse = GraphQLResponseBody;

/**
 * One GraphQL-over-HTTP call to the decisions subgraph: an operation of
 * @daena/contracts/graphql/decisions. Resolves to the response body (which may carry errors: a
 * 4xx answer with a GraphQL body is an answer); throws UnavailableError when decisions cannot be
 * reached or answers with something that is not GraphQL.
 */
export function postToDecisions<TResult, TVariables>(
  options: DecisionsHttpOptions,
  operation: SubgraphOperation<TResult, TVariables>,
  token: string | null,
): Promise<DecisionsResponse> {
  const endpoint = { ...options, name: 'decisions', unavailable: () => decisionsUnavailable() };
  return postToSubgraph(endpoint, operation, token);
}

export function decisionsUnavailable(
  message = 'The decisions subgraph is unavailable; nothing was changed',
  reason = 'DECISIONS_UNAVAILABLE',
): UnavailableError {
  return new UnavailableError(message, reason);
}

/**
 * What an agent needs to know about a proposal to vote on it (`VoteProposal`): the policy's
 * features and state. Kind and status are read as strings: the policy votes on a kind a newer
 * decisions adds with low confidence, and only an OPEN round is voted in.
 */
export type ProposalForVote = OpenEnums<NonNullable<VoteProposalQuery['proposal']>> & {
  /**
   * The previous round's anonymised distribution and rationales (null in round 1): the re-vote
   * policy weighs them (issue 19).
   */
  previousRound?: PreviousRound | null;
};

/** An agent's vote, as `castVote` takes it: every optional field of CastVoteInput set. */
export interface AgentBallot extends CastVoteInput {
  round: number;
  confidence: number;
  rationale: string;
}

/** Decisions refused a vote for good (closed round, not a stakeholder …): retrying cannot help. */
export class VoteRefusedError extends DaenaError {}

/** The decisions subgraph as a voting agent sees it. */
export interface DecisionsVoting {
  /** The proposal, or null when decisions does not know it. */
  proposal(id: string, token: string): Promise<ProposalForVote | null>;
  /** Casts (or repeats: idempotent per proposal, round and agent) the agent's vote. */
  castVote(ballot: AgentBallot, token: string): Promise<{ id: string }>;
}

const proposalSchema: z.ZodType<ProposalForVote> = z.object({
  id: z.string(),
  title: z.string(),
  description: z
    .string()
    .nullish()
    .transform((text) => text ?? ''),
  kind: z.string(),
  risk: z.number(),
  stakeholderImpact: z.number(),
  urgency: z.number(),
  departmentId: z.string(),
  status: z.string(),
  currentRound: z.number().int(),
  previousRound: z
    .object({
      round: z.number().int(),
      approve: z.number().int(),
      reject: z.number().int(),
      abstain: z.number().int(),
      rationales: z.array(z.string()),
    })
    .nullish(),
});
const castVoteSchema: z.ZodType<AgentCastVoteMutation['castVote']> = z.object({ id: z.string() });

/** Domain refusals of a vote; anything else (validation of our query, outages) is retried. */
const refusalCodes: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  ErrorCode.NOT_FOUND,
]);
const isRefusal = (code: string | undefined): code is ErrorCode =>
  code !== undefined && refusalCodes.has(code);

export class HttpDecisionsVoting implements DecisionsVoting {
  constructor(private readonly options: DecisionsHttpOptions) {}

  async proposal(id: string, token: string): Promise<ProposalForVote | null> {
    const body = await this.call(
      'proposal',
      { document: VoteProposalDocument, variables: { id } },
      token,
    );
    if (body.errors?.length) {
      if (body.errors.some((error) => error.extensions?.code === 'NOT_FOUND')) return null;
      throw this.failure('proposal', body.errors);
    }
    const raw = body.data?.['proposal'];
    if (raw === null || raw === undefined) return null;
    const parsed = proposalSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
      throw decisionsUnavailable(
        `The decisions subgraph answered proposal(${id}) without a usable ${fields.join(', ')}`,
        'DECISIONS_SCHEMA_MISMATCH',
      );
    }
    return parsed.data;
  }

  async castVote(ballot: AgentBallot, token: string): Promise<{ id: string }> {
    const body = await this.call(
      'castVote',
      { document: AgentCastVoteDocument, variables: { input: ballot } },
      token,
    );
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code;
      if (!isRefusal(code)) continue;
      const reason = error.extensions?.['reason'];
      throw new VoteRefusedError(code, error.message, typeof reason === 'string' ? reason : code);
    }
    if (body.errors?.length) throw this.failure('castVote', body.errors);
    const vote = castVoteSchema.safeParse(body.data?.['castVote']);
    if (!vote.success)
      throw decisionsUnavailable('The decisions subgraph answered castVote with no vote');
    return vote.data;
  }

  private call<TResult, TVariables>(
    name: string,
    operation: SubgraphOperation<TResult, TVariables>,
    token: string,
  ): Promise<DecisionsResponse> {
    this.options.log.debug({ operation: name }, 'asking the decisions subgraph');
    return postToDecisions(this.options, operation, token);
  }

  /**
   * A query decisions cannot validate means the two services disagree on the schema (a field not
   * served yet): say which, rather than a bare "unavailable".
   */
  private failure(operation: string, errors: NonNullable<DecisionsResponse['errors']>) {
    const messages = errors.map((error) => error.message).join('; ');
    const mismatch = errors.some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
    this.options.log.warn(
      { operation, errors: messages },
      'decisions subgraph answered with errors',
    );
    return mismatch
      ? decisionsUnavailable(
          `The decisions subgraph does not serve what ${operation} needs: ${messages}`,
          'DECISIONS_SCHEMA_MISMATCH',
        )
      : decisionsUnavailable(`The decisions subgraph failed ${operation}: ${messages}`);
  }
}
