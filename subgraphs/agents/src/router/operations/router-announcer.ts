import type { EventBus, Logger } from '@daena/platform';
import { Events } from '@daena/contracts';
import type { DriftEvent } from '../index.js';
import type { RouterMetrics } from './router-metrics.js';

/**
 * What the router tells others: events on the bus (a failed publish is logged, never fails the
 * call that caused it) and drift, which is also counted and logged.
 */
export class RouterAnnouncer {
  constructor(private readonly deps: { bus: EventBus; log: Logger; metrics: RouterMetrics }) {}

  async publish(event: Parameters<EventBus['publish']>[0]): Promise<void> {
    try {
      await this.deps.bus.publish(event);
    } catch (error) {
      this.deps.log.error({ err: error, event: event.type }, 'could not publish a router event');
    }
  }

  drift(drift: DriftEvent): void {
    this.deps.metrics.drifted(drift);
    this.deps.log.warn(drift, 'router: drift detected, old evidence discounted');
    void this.publish(
      Events.routerDriftDetected.create({
        model: drift.model,
        taskType: drift.taskType,
        metric: drift.metric,
        direction: drift.direction,
        observations: drift.observations,
        statistic: drift.statistic,
        threshold: drift.threshold,
      }),
    );
  }
}
