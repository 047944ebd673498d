import { BadInputError, isUuid } from '@daena/platform/domain';
import { decodeKeysetCursor, encodeKeysetCursor } from './cursor.js';
import type { AgentRole, AgentStatus } from './organization.js';

/**
 * Filtered, keyset-paginated agent lists (issue 3: "filters and cursor pagination on lists that
 * can grow"). Agents are ordered by (name, id): names read well in lists, and the id makes the
 * order total, so a page boundary never skips or repeats an agent.
 */
export interface AgentListFilter {
  departmentId?: string | undefined;
  role?: AgentRole | undefined;
  status?: AgentStatus | undefined;
  /** Retired agents are left out unless asked for. */
  includeRetired: boolean;
  /** Case-insensitive substring of the name or slug. */
  search?: string | undefined;
}

/** The sort key of one agent in the list: a cursor points just after it. */
export interface AgentListKey {
  name: string;
  id: string;
}

/** Longest search text: as long as the longest name (a longer text can match nothing). */
const maxSearchLength = 100;

/** The search text trimmed, or undefined when blank. */
export function normalizeSearch(search: string | null | undefined): string | undefined {
  const trimmed = search?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > maxSearchLength) {
    throw new BadInputError(
      `search must be at most ${maxSearchLength} characters`,
      'SEARCH_TOO_LONG',
    );
  }
  return trimmed;
}

const list = 'agents';

export function encodeAgentCursor(key: AgentListKey): string {
  return encodeKeysetCursor(list, [key.name, key.id]);
}

/** The key inside an agent list cursor, or null when this API did not issue it. */
export function decodeAgentCursor(cursor: string): AgentListKey | null {
  const keys = decodeKeysetCursor(list, cursor, 2);
  if (!keys) return null;
  const [name, id] = keys as [string, string];
  return isUuid(id) ? { name, id } : null;
}
