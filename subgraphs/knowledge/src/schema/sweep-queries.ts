import type { Driver } from 'neo4j-driver';
import { readCreatedEntries } from '../operations/created-entries-since.js';
import type { KnowledgeContext } from './context.js';
import { stringOrUndefined } from './resolver-wrapping.js';

type Args = Record<string, unknown>;

/**
 * The service queries, thin: the calling service and the arguments go to an operation, which
 * authorizes and reads. Passed to @neo4j/graphql as custom resolvers of the SDL's Query fields;
 * `@inaccessible` keeps them out of the gateway's API.
 */
export function sweepQueries(runtime: { driver?: Driver | undefined }) {
  return {
    createdEntriesSince: (_: unknown, args: Args, context: KnowledgeContext) =>
      readCreatedEntries(runtime.driver, callerOf(context), {
        since: timeOf(args['since']),
        limit: typeof args['limit'] === 'number' ? args['limit'] : Number.NaN,
      }),
  };
}

const callerOf = ({ principal, service }: KnowledgeContext) => ({
  principal,
  service: service ?? null,
});

/** The library's DateTime scalar parses to a driver DateTime, which prints as ISO 8601. */
function timeOf(value: unknown): string {
  return stringOrUndefined(value) ?? String(value);
}
