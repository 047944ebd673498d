import type { Cache } from '@daena/platform';
import type { CompletionResult, ResponseCache } from '../index.js';

/**
 * The router's response cache on the platform cache (Redis with REDIS_URL, else in process). The
 * platform cache's TTL is set once for the whole namespace (ROUTER_CACHE_TTL_SECONDS), so the
 * per-entry TTL the executor passes is that same value.
 */
export function responseCacheOn(cache: Cache<CompletionResult>): ResponseCache {
  return {
    get: async (key) => (await cache.getMany([key]))[0],
    set: (key, value) => cache.setMany([{ key, value }]),
  };
}
