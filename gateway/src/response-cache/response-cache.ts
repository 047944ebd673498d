import type { ApolloServerPlugin } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { type EventBus, type EventContract, type Logger, type Unsubscribe } from '@daena/platform';
import { Events } from '@daena/contracts';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { GatewayContext } from '../context.js';
import { coalesceIdenticalQueries } from './coalesce-queries.js';
import { operationSubgraphs, type SubgraphOwnership } from './subgraph-ownership.js';

/**
 * Whole-response caching for queries whose every field the subgraphs marked cacheable
 * (`@cacheControl`, sent to the gateway as `Cache-Control` and combined by @apollo/gateway),
 * through Apollo's response-cache plugin. What makes it safe to cache live data is the key:
 * it holds a data version of each subgraph the operation reads, and a version moves on
 *
 * - when a domain event of that subgraph arrives on the bus (any replica's writes), and
 * - when a mutation of that subgraph passes through this gateway, before its response is sent
 *   (so a client reads its own writes at once).
 *
 * A response computed before a write is stored under the old version and never read again;
 * `maxAge` only bounds staleness if an event is lost (the bus is at-most-once).
 */
export interface ResponseCacheOptions {
  bus: EventBus;
  schema: () => GraphQLSchema | undefined;
  ownership: SubgraphOwnership;
  /** Bytes of serialized responses kept (least recently used go first). */
  maxBytes: number;
  log: Logger;
}

export interface ResponseCache {
  plugins: ApolloServerPlugin<GatewayContext>[];
  registerMetrics(registry: Registry): void;
  close(): void;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const versions = new Map<string, number>();
  const bump = (subgraph: string) => versions.set(subgraph, (versions.get(subgraph) ?? 0) + 1);
  const subgraphsOf = memoizedSubgraphs(options);
  const contracts: readonly EventContract<unknown>[] = Object.values(Events);
  const unsubscribes: Unsubscribe[] = contracts.map((contract) =>
    options.bus.subscribe(contract, (event) => {
      bump(event.type.slice(0, event.type.indexOf('.')));
    }),
  );
  const versionsOf = (document: DocumentNode | undefined) => {
    const snapshot: Record<string, number> = {};
    for (const subgraph of (document && subgraphsOf(document)) ?? versions.keys())
      snapshot[subgraph] = versions.get(subgraph) ?? 0;
    return snapshot;
  };
  const lookups = new Counter({
    name: 'gateway_response_cache_lookups_total',
    help: 'Queries looked up in the response cache: hit, miss, or coalesced with an identical one in flight',
    labelNames: ['result'],
    registers: [],
  });
  const responseCache = ApolloServerPluginResponseCache<GatewayContext>({
    cache: new InMemoryLRUCache({ maxSize: options.maxBytes }),
    // Responses marked PRIVATE are kept per caller; PUBLIC ones are shared.
    sessionId: ({ contextValue }) => Promise.resolve(contextValue.principal.sub),
    extraCacheKeyData: ({ document }) => Promise.resolve(versionsOf(document)),
    // The subscription bridge runs query twins right after an event: always fresh.
    shouldReadFromCache: ({ contextValue }) => Promise.resolve(!contextValue.bypassResponseCache),
    shouldWriteToCache: ({ contextValue }) => Promise.resolve(!contextValue.bypassResponseCache),
  });
  const invalidateOnMutation: ApolloServerPlugin<GatewayContext> = {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ operation, document, metrics, contextValue }) => {
          if (operation?.operation === 'mutation') {
            for (const subgraph of (document && subgraphsOf(document)) ?? [...versions.keys()])
              bump(subgraph);
          } else if (operation?.operation === 'query' && !contextValue.bypassResponseCache) {
            if (!coalesced.delete(contextValue))
              lookups.inc({ result: metrics.responseCacheHit ? 'hit' : 'miss' });
          }
          return Promise.resolve();
        },
      }),
  };
  // Followers of a coalesced query, counted apart from cache misses.
  const coalesced = new WeakSet<GatewayContext>();
  const coalesce = coalesceIdenticalQueries(
    ({ source, operationName, request, document, contextValue }) =>
      JSON.stringify([
        source,
        operationName ?? null,
        request.variables ?? {},
        contextValue.principal.token,
        versionsOf(document),
      ]),
    (contextValue) => {
      coalesced.add(contextValue);
      lookups.inc({ result: 'coalesced' });
    },
  );
  return {
    // Order matters: a cache hit answers first; otherwise join an identical query in flight.
    plugins: [responseCache, coalesce, invalidateOnMutation],
    registerMetrics: (registry) => registry.registerMetric(lookups),
    close: () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    },
  };
}

/** Apollo Server reuses one DocumentNode per distinct query, so the analysis runs once each. */
function memoizedSubgraphs(
  options: ResponseCacheOptions,
): (document: DocumentNode) => string[] | null {
  const memo = new WeakMap<DocumentNode, string[]>();
  return (document) => {
    let subgraphs = memo.get(document);
    if (!subgraphs) {
      const schema = options.schema();
      // Without a schema yet, null: the caller depends on every subgraph (never wrong).
      if (!schema) return null;
      subgraphs = operationSubgraphs(schema, document, options.ownership);
      memo.set(document, subgraphs);
    }
    return subgraphs;
  };
}
