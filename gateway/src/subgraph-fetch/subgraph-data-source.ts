import {
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type RemoteGraphQLDataSource as Source,
} from '@apollo/gateway';
import type { SubgraphCall } from '@daena/platform';
import type { GatewayContext } from '../context.js';
import { distinctRepresentations, spreadEntities } from './entity-representations.js';

type Response = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;

export interface SubgraphDataSourceOptions {
  url?: string | undefined;
  fetcher: Source['fetcher'];
  /** The subgraph's name in the supergraph, for the per-call metrics. */
  subgraph?: string;
  /** Told of every call: its subgraph, client operation, outcome and duration (RED metrics). */
  onCall?: (call: SubgraphCall) => void;
}

/** The client's operation a subgraph fetch serves; health checks and schema loads have none. */
function operationOf(options: GraphQLDataSourceProcessOptions<GatewayContext>): string {
  const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
  return incoming?.operationName ?? (incoming ? 'anonymous' : options.kind);
}

/**
 * How the gateway calls a subgraph: the caller's token forwarded (every subgraph verifies it
 * again, ARCHITECTURE §6), each distinct entity asked for once per fetch
 * (entity-representations.ts), over the fetcher it is given (keep-alive-fetcher.ts), each call
 * timed and its outcome reported (graphql_subgraph_call_* on the gateway's /metrics).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly onCall: ((call: SubgraphCall) => void) | undefined;

  constructor({ subgraph, onCall, ...config }: SubgraphDataSourceOptions) {
    super(config.url === undefined ? { fetcher: config.fetcher } : config);
    this.subgraph = subgraph ?? 'unknown';
    this.onCall = onCall;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const token = context.principal?.token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Response {
    if (!this.onCall) return this.fetchFolded(options);
    const started = performance.now();
    const report = (outcome: SubgraphCall['outcome']) =>
      this.onCall?.({
        subgraph: this.subgraph,
        operation: operationOf(options),
        outcome,
        seconds: (performance.now() - started) / 1000,
      });
    try {
      const response = await this.fetchFolded(options);
      report(response.errors?.length ? 'error' : 'ok');
      return response;
    } catch (error) {
      // No usable answer: refused connection, timeout, a non-2xx status.
      report('failure');
      throw error;
    }
  }

  private async fetchFolded(options: GraphQLDataSourceProcessOptions<GatewayContext>): Response {
    const { request } = options;
    const folded = distinctRepresentations(request.variables?.['representations']);
    if (!folded) return super.process(options);
    const response = await super.process({
      ...options,
      request: {
        ...request,
        variables: { ...request.variables, representations: folded.distinct },
      },
    });
    return spreadEntities(response, folded);
  }
}
