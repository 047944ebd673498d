import { BadInputError } from '@daena/platform/domain';

/** How a request ended: it ran (OK or ERROR), or it was refused before it could run. */
export const AuditOutcome = { OK: 'OK', ERROR: 'ERROR', REFUSED: 'REFUSED' } as const;
export type AuditOutcome = (typeof AuditOutcome)[keyof typeof AuditOutcome];

export const AuditOperationType = {
  QUERY: 'QUERY',
  MUTATION: 'MUTATION',
  SUBSCRIPTION: 'SUBSCRIPTION',
} as const;
export type AuditOperationType = (typeof AuditOperationType)[keyof typeof AuditOperationType];

/** One request the gateway audited, as it sends it (never its variables: they may hold secrets). */
export interface AuditEntryDraft {
  /** Chosen by the gateway, so a retried batch inserts nothing twice. */
  readonly id: string;
  readonly occurredAt: Date;
  /** The token's `sub`; null when anonymous or the token was refused. */
  readonly subject: string | null;
  readonly roles: readonly string[];
  readonly department: string | null;
  readonly clientIp: string | null;
  /** Null when the document could not be parsed (or never arrived). */
  readonly operationType: AuditOperationType | null;
  readonly operationName: string | null;
  /** SHA-256 (hex) of the whole document, so equal documents can be grouped. */
  readonly documentSha256: string | null;
  /** The document, cut to `auditBounds.document` characters. */
  readonly document: string | null;
  readonly outcome: AuditOutcome;
  /** The first error's `extensions.code` (MAX_DEPTH_EXCEEDED, RATE_LIMITED …). */
  readonly code: string | null;
  readonly httpStatus: number | null;
  readonly durationMs: number | null;
  readonly requestId: string | null;
}

/** A stored entry: the draft, plus when metrics stored it (its own clock, not the gateway's). */
export interface AuditEntry extends AuditEntryDraft {
  readonly recordedAt: Date;
}

/**
 * Bounds of one batch and of each field. The migration's check constraints hold the same
 * numbers, so a row that passes here is one Postgres accepts. The gateway cuts its drafts to them.
 */
export const auditBounds = {
  batch: 500,
  subject: 200,
  roles: 16,
  role: 64,
  department: 200,
  clientIp: 100,
  operationName: 200,
  /** 4 KB of a document is enough to recognize it; the hash identifies it exactly. */
  document: 4096,
  code: 100,
  requestId: 200,
  /** An hour: no request lives longer than the gateway's deadlines. */
  durationMs: 3_600_000,
} as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256Pattern = /^[0-9a-f]{64}$/;

type TextField =
  'subject' | 'department' | 'clientIp' | 'operationName' | 'document' | 'code' | 'requestId';
const textFields: readonly TextField[] = [
  'subject',
  'department',
  'clientIp',
  'operationName',
  'document',
  'code',
  'requestId',
];

/** The first problem of one entry, or null when it can be stored as is. */
function problemOf(entry: AuditEntryDraft): string | null {
  if (!uuidPattern.test(entry.id)) return 'id must be a UUID';
  if (Number.isNaN(entry.occurredAt.getTime())) return 'occurredAt must be a time';
  for (const field of textFields) {
    const value = entry[field];
    if (value !== null && (value.length === 0 || value.length > auditBounds[field])) {
      return `${field} must have 1 to ${auditBounds[field]} characters`;
    }
  }
  if (entry.roles.length > auditBounds.roles) return `at most ${auditBounds.roles} roles`;
  if (entry.roles.some((role) => role.length === 0 || role.length > auditBounds.role)) {
    return `each role must have 1 to ${auditBounds.role} characters`;
  }
  if (entry.documentSha256 !== null && !sha256Pattern.test(entry.documentSha256)) {
    return 'documentSha256 must be 64 lowercase hex digits';
  }
  if (entry.httpStatus !== null && (entry.httpStatus < 100 || entry.httpStatus > 599)) {
    return 'httpStatus must be from 100 to 599';
  }
  if (
    entry.durationMs !== null &&
    (entry.durationMs < 0 || entry.durationMs > auditBounds.durationMs)
  ) {
    return `durationMs must be from 0 to ${auditBounds.durationMs}`;
  }
  return null;
}

/**
 * Checks a batch before it is stored: at most `auditBounds.batch` entries, each within its
 * bounds. Throws BAD_USER_INPUT naming the first bad entry (the whole batch is refused, so the
 * sender sees the problem instead of losing entries silently).
 */
export function validateAuditBatch(entries: readonly AuditEntryDraft[]): void {
  if (entries.length > auditBounds.batch) {
    throw new BadInputError(
      `a batch holds at most ${auditBounds.batch} entries`,
      'AUDIT_BATCH_TOO_LARGE',
      { entries: entries.length, allowed: auditBounds.batch },
    );
  }
  entries.forEach((entry, index) => {
    const problem = problemOf(entry);
    if (problem) {
      throw new BadInputError(`entries[${index}]: ${problem}`, 'INVALID_AUDIT_ENTRY', { index });
    }
  });
}
