import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../context.js';
import { distinctRepresentations, spreadEntities } from './entity-representations.js';

type Response = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;

/**
 * How the gateway calls a subgraph: the caller's token forwarded (every subgraph verifies it
 * again, ARCHITECTURE §6), each distinct entity asked for once per fetch
 * (entity-representations.ts), over the fetcher it is given (keep-alive-fetcher.ts).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const token = context.principal?.token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Response {
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
