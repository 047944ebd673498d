import {
  postToSubgraph,
  signServiceToken,
  UnavailableError,
  type GraphQLResponseBody,
  type Logger,
  type SubgraphOperation,
} from '@daena/platform';

export interface AgentsClientOptions {
  /** The agents subgraph's /graphql (AGENTS_URL). */
  url: string;
  timeoutMs: number;
  /** The HS256 secret service tokens are signed with (JWT_SECRET, which agents shares). */
  secret: string;
  issuer: string;
  log: Logger;
}

/** What knowledge answers when agents cannot: the share asked for cannot go ahead now. */
export function agentsUnavailable(): UnavailableError {
  return new UnavailableError('The agents subgraph cannot answer now', 'AGENTS_UNAVAILABLE');
}

/**
 * Knowledge's direct calls to the agents subgraph (the typed operations of
 * @daena/contracts/graphql/agents), each with a short-lived service token naming `knowledge`,
 * signed per call: shares are rare, human-paced writes.
 */
export class AgentsClient {
  constructor(private readonly options: AgentsClientOptions) {}

  get log(): Logger {
    return this.options.log;
  }

  async post<TResult, TVariables>(
    operation: SubgraphOperation<TResult, TVariables>,
  ): Promise<GraphQLResponseBody> {
    const endpoint = { ...this.options, name: 'agents', unavailable: agentsUnavailable };
    const token = await signServiceToken(this.options.secret, 'knowledge', this.options.issuer);
    return postToSubgraph(endpoint, operation, token);
  }
}
