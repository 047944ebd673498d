import { defineEvent } from '@daena/platform/domain';

// Owner: the agents subgraph's router (it alone publishes these).

/** The router chose a model for a task (`routerSelections` streams these). */
export interface RouterSelectionMade {
  decisionId: string;
  taskType: string;
  model: string;
}

/** A drift detector of the router fired for one (model, task type). */
export interface RouterDriftDetected {
  model: string;
  taskType: string;
  metric: 'quality' | 'latency';
  direction: 'worse' | 'better';
  observations: number;
  statistic: number;
  threshold: number;
}

/** The model registry changed: other replicas reload it. */
export interface RouterModelChanged {
  name: string;
  change: 'registered' | 'updated' | 'enabled' | 'disabled' | 'removed';
}

export const routerEvents = {
  routerSelectionMade: defineEvent<RouterSelectionMade>('router.selection.made'),
  routerDriftDetected: defineEvent<RouterDriftDetected>('router.drift.detected'),
  routerModelChanged: defineEvent<RouterModelChanged>('router.model.changed'),
} as const;
