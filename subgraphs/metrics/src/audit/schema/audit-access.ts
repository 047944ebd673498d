import { requireRole, requireServiceCaller, Role, type Principal } from '@daena/platform';
import type { MetricsCaller } from '../../schema/context.js';

/** The services whose service token may write the audit log: the gateway, which sees requests. */
const auditWriters: readonly string[] = ['gateway'];

/** Reading the log: admins only (UNAUTHENTICATED without a token, FORBIDDEN for other roles). */
export function requireAuditReader(principal: Principal): void {
  requireRole(principal, Role.ADMIN);
}

/**
 * Writing the log: a service token of an audit writer only (UNAUTHENTICATED without a token,
 * FORBIDDEN otherwise). Users' tokens, admins' included, never qualify: nobody who is audited
 * can write the audit trail.
 */
export function requireAuditWriter(caller: MetricsCaller): void {
  requireServiceCaller(caller, auditWriters, 'Only the gateway may record audit entries');
}
