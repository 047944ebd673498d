import type { Principal } from '@daena/platform';

/** What the gateway knows about a request: the verified caller (its token is forwarded). */
export interface GatewayContext {
  principal: Principal;
  /** Set for the subscription bridge's query twins: they must see the state an event announced. */
  bypassResponseCache?: boolean;
}
