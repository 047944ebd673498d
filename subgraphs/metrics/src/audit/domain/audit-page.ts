import { BadInputError } from '@daena/platform/domain';
import type { AuditOperationType, AuditOutcome } from './audit-entry.js';

/** Page sizes of `auditLog`: a screen by default, at most what one keyset query reads cheaply. */
export const auditPageSize = { default: 50, min: 1, max: 500 } as const;

/** Throws BAD_USER_INPUT (reason PAGE_SIZE_OUT_OF_RANGE) unless min ≤ first ≤ max. */
export function validateAuditPageSize(first: number): number {
  if (!Number.isInteger(first) || first < auditPageSize.min || first > auditPageSize.max) {
    throw new BadInputError(
      `first must be an integer from ${auditPageSize.min} to ${auditPageSize.max}`,
      'PAGE_SIZE_OUT_OF_RANGE',
      { first, min: auditPageSize.min, max: auditPageSize.max },
    );
  }
  return first;
}

/** Where a page of the log (newest first) resumes: the last entry's (occurredAt, id). */
export interface AuditLogKey {
  readonly occurredAt: Date;
  readonly id: string;
}

const cursorPrefix = 'v1:audit:';
/** A cursor holds an ISO time and a UUID: far below this; longer input is not ours. */
const maxCursorLength = 200;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients (base64url), versioned and named, so another list's cursor is refused. */
export function encodeAuditCursor(key: AuditLogKey): string {
  return Buffer.from(
    `${cursorPrefix}${JSON.stringify([key.occurredAt.toISOString(), key.id])}`,
  ).toString('base64url');
}

/** The key inside `cursor`; throws BAD_USER_INPUT (INVALID_CURSOR) when this API did not issue it. */
export function decodeAuditCursor(cursor: string): AuditLogKey {
  const text = cursor.length > maxCursorLength ? '' : Buffer.from(cursor, 'base64url').toString();
  let keys: unknown;
  try {
    keys = text.startsWith(cursorPrefix) ? JSON.parse(text.slice(cursorPrefix.length)) : null;
  } catch {
    keys = null;
  }
  if (Array.isArray(keys) && keys.length === 2) {
    const [at, id] = keys as unknown[];
    const occurredAt = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
    if (!Number.isNaN(occurredAt.getTime()) && typeof id === 'string' && uuidPattern.test(id)) {
      return { occurredAt, id };
    }
  }
  throw new BadInputError('after is not a cursor from auditLog', 'INVALID_CURSOR');
}

/** Which entries a page holds; every field is optional and they combine (AND). */
export interface AuditLogFilter {
  readonly subject?: string | undefined;
  readonly outcome?: AuditOutcome | undefined;
  readonly code?: string | undefined;
  readonly operationType?: AuditOperationType | undefined;
  /** From this time on (inclusive). */
  readonly since?: Date | undefined;
  /** Before this time (exclusive). */
  readonly until?: Date | undefined;
}
