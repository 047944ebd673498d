import { validateAuditBatch, type AuditEntryDraft } from '../domain/audit-entry.js';
import type { AuditLogRepository } from '../store/audit-log-repository.js';

/**
 * Stores a batch the gateway sent: checked whole first (BAD_USER_INPUT names the first bad
 * entry), then inserted in one statement. Returns how many entries were new: a retry of a batch
 * that was stored before returns 0.
 */
export async function recordAuditEntries(
  log: AuditLogRepository,
  entries: readonly AuditEntryDraft[],
): Promise<number> {
  validateAuditBatch(entries);
  return log.append(entries);
}
