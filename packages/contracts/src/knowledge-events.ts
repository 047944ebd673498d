import { defineEvent } from '@daena/platform/domain';

// Owner: the knowledge subgraph (it alone publishes these).

export interface KnowledgeEntryChanged {
  entryId: string;
  departmentSlug: string;
}

/**
 * A new entry (`knowledge.entry.created`): only a create publishes it, never the redacted copy a
 * share makes (that is `knowledge.entry.changed` with `shared`).
 */
export interface KnowledgeEntryCreated extends KnowledgeEntryChanged {
  /**
   * The agent that wrote it: its `authorAgentId`, else the caller when an agent's token created
   * it; null when a person did. Agents' scans skip what agents wrote, so they never loop on each
   * other's writes. Absent from events published before the field existed.
   */
  authorAgentId?: string | null;
}

/** How an entry changed, as `knowledge.entry.changed` tells it. */
export type KnowledgeChange = 'created' | 'updated' | 'shared' | 'revoked';

/**
 * Any change a department's subscribers hear of (`knowledgeUpdates`): the entry, the department
 * it belongs to, and what happened. For `revoked`, the entry (a shared copy) no longer exists.
 */
export interface KnowledgeEntryChangedInDepartment extends KnowledgeEntryChanged {
  /** The change record (KnowledgeChange) the subscription's query twin reads. */
  changeId: string;
  change: KnowledgeChange;
  /**
   * The department's id in the agents subgraph (which owns departments; knowledge keys them by
   * slug and asks agents once per slug), what `knowledgeUpdates(departmentId:)` filters on. Null
   * when agents could not name it when the change was published, absent from events published
   * before the field existed: such an event reaches only subscribers by slug or of every change.
   */
  departmentId?: string | null;
}

/** An approved share: the redacted copy made for the target department, and its route. */
export interface KnowledgeShared {
  shareId: string;
  /** The original entry. */
  entryId: string;
  /** The redacted copy the target department reads (DERIVED_FROM the original). */
  copyId: string;
  fromDepartmentSlug: string;
  toDepartmentSlug: string;
  /** The departments' ids, when agents could name them (null otherwise; see entry.changed). */
  fromDepartmentId: string | null;
  toDepartmentId: string | null;
  /** The message that carried the copy, and the Border Agents that relayed it, in order. */
  messageId: string;
  relayAgentIds: string[];
}

export const knowledgeEvents = {
  knowledgeEntryCreated: defineEvent<KnowledgeEntryCreated>('knowledge.entry.created'),
  knowledgeEntryChanged: defineEvent<KnowledgeEntryChangedInDepartment>('knowledge.entry.changed'),
  knowledgeShared: defineEvent<KnowledgeShared>('knowledge.shared'),
} as const;
