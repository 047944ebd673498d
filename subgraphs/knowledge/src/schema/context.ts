import type { Principal } from '@daena/platform';

/** The claims the `@authorization` rules read as `$jwt` (the `JWT @jwt` type in type-defs.ts). */
export interface KnowledgeJwt {
  sub: string;
  roles: string[];
  department?: string;
}

/** An entry created by the current mutation, announced on the bus once it is committed. */
export interface CreatedEntry {
  entryId: string;
  departmentSlug: string;
  /** The agent that wrote it (its `authorAgentId`, else an agent caller); null for a person. */
  authorAgentId: string | null;
  /** The full-text query that finds its related entries (search-terms.ts); null without terms. */
  relatedQuery: string | null;
}

/**
 * Per-request context. @neo4j/graphql adds its own keys (executionContext, resolveTree …) while
 * it resolves a root field.
 */
export interface KnowledgeContext {
  principal: Principal;
  /**
   * The verified caller's claims. @neo4j/graphql 7.6 treats a `context.jwt` as already verified
   * (getAuthorizationContext's `trustedJwt`) and needs no `features.authorization` for it; left
   * unset for anonymous callers, who then match only rules with `requireAuthentication: false`.
   */
  jwt?: KnowledgeJwt;
  /**
   * The service a verified service token names (agents' autonomy sweep), set only for such
   * callers: their principal is anonymous, so a service token opens no user's read.
   */
  service?: string;
  /** Filled by the `newEntryId` callback while one create mutation is translated. */
  createdEntries?: CreatedEntry[];
  /** The transaction a wrapped write runs the generated Cypher in (entry-mutations.ts). */
  executionContext?: unknown;
}

/** The `$jwt` for a caller whose token the platform verified; undefined for anonymous callers. */
export function jwtFor(principal: Principal): KnowledgeJwt | undefined {
  if (principal.sub === null) return undefined;
  return {
    sub: principal.sub,
    roles: [...principal.roles],
    ...(principal.department === null ? {} : { department: principal.department }),
  };
}

export function createKnowledgeContext(
  principal: Principal,
  service: string | null = null,
): KnowledgeContext {
  const jwt = jwtFor(principal);
  return { principal, ...(jwt ? { jwt } : {}), ...(service === null ? {} : { service }) };
}
