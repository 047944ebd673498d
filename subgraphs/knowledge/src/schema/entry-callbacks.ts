import { randomUUID } from 'node:crypto';
import type { Neo4jGraphQLCallback } from '@neo4j/graphql';
import { Role } from '@daena/platform/domain';
import { personalDataKinds, suggestAccessLevel } from '../domain/classification.js';
import { relatedQuery } from '../domain/search-terms.js';
import type { KnowledgeContext } from './context.js';

/** The title and body a create input carries, as one text to classify. */
function contentOf(parent: Record<string, unknown> | undefined): string {
  return `${textOf(parent, 'title')}\n${textOf(parent, 'body')}`;
}

function textOf(parent: Record<string, unknown> | undefined, key: string): string {
  const value = parent?.[key];
  return typeof value === 'string' ? value : '';
}

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
    const { createdEntries, jwt } = context as Pick<KnowledgeContext, 'createdEntries' | 'jwt'>;
    createdEntries?.push({
      entryId,
      departmentSlug: textOf(parent, 'departmentSlug'),
      authorAgentId:
        textOf(parent, 'authorAgentId') || (jwt?.roles.includes(Role.AGENT) ? jwt.sub : null),
      relatedQuery: relatedQuery(textOf(parent, 'title'), textOf(parent, 'body')),
    });
    return entryId;
  },
  /** Every entry starts at version 1; an update makes the next (entry-revisions.ts). */
  firstVersion: () => 1,
  suggestedAccessLevel: (parent) => suggestAccessLevel(personalDataKinds(contentOf(parent))),
  personalData: (parent) => personalDataKinds(contentOf(parent)),
} satisfies Record<string, Neo4jGraphQLCallback>;
