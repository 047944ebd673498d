import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { LimitCode } from './operation-limits.js';

/**
 * A subgraph's per-request deadline: once a request has spent `deadlineMs` executing, every field
 * it still tries to resolve fails with DEADLINE_EXCEEDED instead of starting more work, so a
 * request that got past the limits (or meets a slow store) cannot keep the service busy. The
 * check is one clock read per field.
 */
export function deadlinePlugin<T extends BaseContext>(
  deadlineMs: number,
  now: () => number = () => performance.now(),
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          const deadline = now() + deadlineMs;
          let expired = false;
          return {
            willResolveField() {
              if (!expired && now() <= deadline) return;
              expired = true;
              throw new GraphQLError(
                `The request ran past its ${deadlineMs} ms deadline (GRAPHQL_DEADLINE_MS)`,
                { extensions: { code: LimitCode.DEADLINE_EXCEEDED, allowed: deadlineMs } },
              );
            },
          };
        },
      };
    },
  };
}
