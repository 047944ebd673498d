import type { AuditFacts } from './audit-entry.js';

/** What the plugin learnt of one operation; the HTTP status and duration are added at the end. */
export type PendingAuditEntry = Omit<AuditFacts, 'httpStatus' | 'durationMs'>;

/**
 * One HTTP request to /graphql, as the audit trail follows it: created before any other
 * middleware, passed to the GraphQL context (so the plugin can add the operations it audits),
 * and written when the response is over, with the status the client actually got.
 */
export interface AuditedRequest {
  readonly receivedAt: number;
  readonly clientIp: string | null;
  readonly requestId: string | null;
  /** Operations Apollo handled (audited or not): then the status alone says nothing more. */
  operationsSeen: number;
  readonly pending: PendingAuditEntry[];
  /** A refusal middleware reported with its code (more precise than the status). */
  refusal?: { code: string; status: number };
}
