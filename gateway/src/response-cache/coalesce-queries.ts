import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextResponseForOperation,
  type GraphQLRequestListener,
  type GraphQLResponse,
} from '@apollo/server';
import type { GatewayContext } from '../context.js';

/**
 * Request coalescing: identical queries in flight at the same time run once. When a write moves a
 * data version on, every client's next honeycomb query misses the response cache together; without
 * this, 50 clients mean 50 identical executions fighting for the same cores.
 *
 * Identical means the same text, operation, variables, caller (token) and data versions (`keyOf`),
 * so a follower never receives a result computed before a write it could have seen. Only
 * successful responses are shared; after a failed leader each follower executes on its own.
 */
export function coalesceIdenticalQueries(
  keyOf: (request: GraphQLRequestContextResponseForOperation<GatewayContext>) => string,
  onCoalesced: (context: GatewayContext) => void,
): ApolloServerPlugin<GatewayContext> {
  const inflight = new Map<string, Promise<GraphQLResponse | null>>();
  return {
    requestDidStart: () => {
      let lead: { key: string; settle(response: GraphQLResponse | null): void } | undefined;
      const hooks: GraphQLRequestListener<GatewayContext> = {
        async responseForOperation(request) {
          if (request.operation.operation !== 'query' || request.contextValue.bypassResponseCache)
            return null;
          const key = keyOf(request);
          const leader = inflight.get(key);
          if (leader) {
            const response = await leader;
            if (response) onCoalesced(request.contextValue);
            return response;
          }
          let settle!: (response: GraphQLResponse | null) => void;
          inflight.set(key, new Promise((resolve) => (settle = resolve)));
          lead = { key, settle };
          return null;
        },
        willSendResponse({ response }) {
          if (!lead) return Promise.resolve();
          inflight.delete(lead.key);
          const body = response.body;
          lead.settle(
            body.kind === 'single' && !body.singleResult.errors && body.singleResult.data
              ? {
                  body: { kind: 'single', singleResult: { data: body.singleResult.data } },
                  http: { status: undefined, headers: new HeaderMap() },
                }
              : null,
          );
          return Promise.resolve();
        },
      };
      return Promise.resolve(hooks);
    },
  };
}
