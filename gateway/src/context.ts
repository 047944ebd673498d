import type { Principal } from '@daena/platform';
import type { AuditedRequest } from './audit/audited-request.js';

/** What the gateway knows about a request: the verified caller (its token is forwarded). */
export interface GatewayContext {
  principal: Principal;
  /** Set for the subscription bridge's query twins: they must see the state an event announced. */
  bypassResponseCache?: boolean;
  /** The audit trail's record of this HTTP request (none in-process or with AUDIT_ENABLED=false). */
  audit?: AuditedRequest;
}
