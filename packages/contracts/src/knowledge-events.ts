import { defineEvent } from '@daena/platform/domain';

// Owner: the knowledge subgraph (it alone publishes these).

export interface KnowledgeEntryChanged {
  entryId: string;
  departmentSlug: string;
}

export const knowledgeEvents = {
  knowledgeEntryCreated: defineEvent<KnowledgeEntryChanged>('knowledge.entry.created'),
} as const;
