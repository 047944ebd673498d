import type { AuditEntry } from '../domain/audit-entry.js';
import {
  decodeAuditCursor,
  encodeAuditCursor,
  validateAuditPageSize,
  type AuditLogFilter,
} from '../domain/audit-page.js';
import type { AuditLogRepository } from '../store/audit-log-repository.js';

export interface AuditLogPage {
  nodes: AuditEntry[];
  pageInfo: {
    startCursor: string | null;
    endCursor: string | null;
    /** True after a cursor: the entry it names came before. */
    hasPreviousPage: boolean;
    hasNextPage: boolean;
  };
}

/** One page of the log, newest first. Throws BAD_USER_INPUT for a bad `first` or `after`. */
export async function readAuditLog(
  log: AuditLogRepository,
  filter: AuditLogFilter,
  first: number,
  after: string | null,
): Promise<AuditLogPage> {
  const size = validateAuditPageSize(first);
  const afterKey = after === null ? null : decodeAuditCursor(after);
  // One extra row tells whether another page follows.
  const rows = await log.page(filter, size + 1, afterKey);
  const nodes = rows.slice(0, size);
  const [head, last] = [nodes.at(0), nodes.at(-1)];
  return {
    nodes,
    pageInfo: {
      startCursor: head ? encodeAuditCursor(head) : null,
      endCursor: last ? encodeAuditCursor(last) : null,
      hasPreviousPage: afterKey !== null,
      hasNextPage: rows.length > size,
    },
  };
}
