/**
 * Each distinct entity once per subgraph fetch. @apollo/gateway sends one representation per
 * place an entity appears: `proposals { votes { agent { name } } }` asks agents for 150
 * `{ __typename: "Agent", id }` when 15 agents cast the 150 votes, and agents resolves, serializes
 * and the gateway parses each of them 10 times (issue 14, point 4). The answer for a
 * representation depends on the representation alone, so the fetch carries the distinct ones and
 * the answer is spread back to every place.
 */
export interface DistinctRepresentations {
  /** The representations to send, each once, in order of first appearance. */
  distinct: unknown[];
  /** For each original representation, the index of its distinct one. */
  slots: number[];
}

/** The distinct representations, or null when there is nothing to fold (send them as they are). */
export function distinctRepresentations(representations: unknown): DistinctRepresentations | null {
  if (!Array.isArray(representations) || representations.length < 2) return null;
  const seen = new Map<string, number>();
  const distinct: unknown[] = [];
  const slots = representations.map((representation) => {
    // The gateway builds equal representations with their keys in the same order.
    const key = JSON.stringify(representation);
    let slot = seen.get(key);
    if (slot === undefined) {
      slot = distinct.push(representation) - 1;
      seen.set(key, slot);
    }
    return slot;
  });
  return distinct.length === representations.length ? null : { distinct, slots };
}

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly { path?: readonly (string | number)[] }[];
}

/**
 * Spreads an `_entities` answer for the distinct representations back over the original ones:
 * each place gets its own copy (the gateway merges later fetches into it in place), and an error
 * of `_entities[i]` is repeated for every place of representation i. An answer of another length
 * is left as it is: the gateway then reports it as the malformed answer it is.
 */
export function spreadEntities<T extends EntitiesResponse>(
  response: T,
  folded: DistinctRepresentations,
): T {
  const entities = response.data?.['_entities'];
  if (!Array.isArray(entities) || entities.length !== folded.distinct.length) return response;
  const used = new Set<number>();
  const spread = folded.slots.map((slot) => {
    const entity: unknown = entities[slot];
    if (!used.has(slot)) {
      used.add(slot);
      return entity;
    }
    return copyJson(entity);
  });
  const errors = response.errors?.flatMap((error) => {
    const [field, index, ...rest] = error.path ?? [];
    if (field !== '_entities' || typeof index !== 'number') return [error];
    return folded.slots.flatMap((slot, at) =>
      slot === index ? [{ ...error, path: ['_entities', at, ...rest] }] : [],
    );
  });
  return {
    ...response,
    data: { ...response.data, _entities: spread },
    ...(errors ? { errors } : {}),
  };
}

/** A deep copy of parsed JSON (plain objects, arrays, primitives): cheaper than structuredClone. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy;
}
