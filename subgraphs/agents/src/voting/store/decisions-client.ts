import {
  DaenaError,
  ErrorCode,
  postToSubgraph,
  UnavailableError,
  type GraphQLResponseBody,
  type Logger,
} from '@daena/platform';
import { z } from 'zod';
import type { ProposalFeatures, VoteChoice } from '../domain/vote-policy.js';

export interface DecisionsHttpOptions {
  url: string;
  timeoutMs: number;
  log: Logger;
}

export type DecisionsResponse = GraphQLResponseBody;

/**
 * One GraphQL-over-HTTP call to the decisions subgraph. Resolves to the response body (which may
 * carry errors: a 4xx answer with a GraphQL body is an answer); throws UnavailableError when
 * decisions cannot be reached or answers with something that is not GraphQL.
 */
export function postToDecisions(
  options: DecisionsHttpOptions,
  payload: { query: string; variables: Record<string, unknown> },
  token: string | null,
): Promise<DecisionsResponse> {
  const endpoint = { ...options, name: 'decisions', unavailable: () => decisionsUnavailable() };
  return postToSubgraph(endpoint, payload, token);
}

export function decisionsUnavailable(
  message = 'The decisions subgraph is unavailable; nothing was changed',
  reason = 'DECISIONS_UNAVAILABLE',
): UnavailableError {
  return new UnavailableError(message, reason);
}

/** What an agent needs to know about a proposal to vote on it: the policy's features and state. */
export interface ProposalForVote extends Omit<ProposalFeatures, 'departmentIds'> {
  departmentId: string;
  status: string;
  currentRound: number;
}

export interface AgentBallot {
  proposalId: string;
  agentId: string;
  round: number;
  choice: VoteChoice;
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

const proposalFields = [
  'id',
  'title',
  'description',
  'kind',
  'risk',
  'stakeholderImpact',
  'urgency',
  'departmentId',
  'status',
  'currentRound',
] as const;
const proposalQuery = `query VoteProposal($id: ID!) { proposal(id: $id) { ${proposalFields.join(' ')} } }`;
const castVoteMutation =
  'mutation AgentCastVote($input: CastVoteInput!) { castVote(input: $input) { id } }';

const proposalSchema = z.object({
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
});

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
    const body = await this.call(proposalQuery, { id }, token, 'proposal');
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
    const body = await this.call(castVoteMutation, { input: ballot }, token, 'castVote');
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code;
      if (!isRefusal(code)) continue;
      const reason = error.extensions?.['reason'];
      throw new VoteRefusedError(code, error.message, typeof reason === 'string' ? reason : code);
    }
    if (body.errors?.length) throw this.failure('castVote', body.errors);
    const vote = z.object({ id: z.string() }).safeParse(body.data?.['castVote']);
    if (!vote.success)
      throw decisionsUnavailable('The decisions subgraph answered castVote with no vote');
    return vote.data;
  }

  private call(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    operation: string,
  ): Promise<DecisionsResponse> {
    this.options.log.debug({ operation }, 'asking the decisions subgraph');
    return postToDecisions(this.options, { query, variables }, token);
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
