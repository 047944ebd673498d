import { randomUUID } from 'node:crypto';
import type { Neo4jGraphQLCallback } from '@neo4j/graphql';
import type { KnowledgeContext } from './context.js';

/**
 * The `@populatedBy` callbacks named in type-defs.ts. @neo4j/graphql calls them while it
 * translates a create, with the entry's input as `parent` and the request context.
 */
export const entryCallbacks = {
  /** `ownerId` is always the verified caller; the create input has no such field. */
  callerSubject: (_parent, _args, context) => context.jwt?.sub,
  /**
   * `id` is a random UUID, like `@id`, but made here so the create wrapper learns the new ids
   * whatever the client selected, and can announce them once the write is committed.
   */
  newEntryId: (parent, _args, context) => {
    const entryId = randomUUID();
    const departmentSlug = parent?.['departmentSlug'];
    (context as Pick<KnowledgeContext, 'createdEntries'>).createdEntries?.push({
      entryId,
      departmentSlug: typeof departmentSlug === 'string' ? departmentSlug : '',
    });
    return entryId;
  },
} satisfies Record<string, Neo4jGraphQLCallback>;
