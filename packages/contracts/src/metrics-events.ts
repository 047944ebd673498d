import { defineEvent } from '@daena/platform/domain';

// Owner: the metrics subgraph (it alone publishes these).

/** An alert changed state; state values in lower case, as the gateway's enum filters expect. */
export interface AlertTransitioned {
  /** The stored transition, for the alertUpdates subscription's query twin. */
  transitionId: string;
  alertId: string;
  rule: string;
  /** critical, warning or info. */
  severity: string;
  /** pending, firing or resolved. */
  state: string;
  previousState: string | null;
  /**
   * The department the alert is about: its `departmentId` label, when its series or its rule
   * carry one; null (or absent, from older publishers) for an alert of the platform as a whole.
   */
  departmentId?: string | null;
}

export const metricsEvents = {
  alertTransitioned: defineEvent<AlertTransitioned>('metrics.alert.transitioned'),
} as const;
