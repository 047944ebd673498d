import { cacheControl } from '@daena/platform';

/**
 * The organization's types may be cached whole by the gateway. Freshness does not depend on this
 * age: the gateway keys cached responses by the agents subgraph's data version, which every
 * agents event and mutation moves on. The age only bounds staleness if an event is lost.
 */
export const organizationCacheHint = cacheControl(30);
