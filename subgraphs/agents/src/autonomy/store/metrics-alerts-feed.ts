import { postToSubgraph, UnavailableError, type Logger } from '@daena/platform';
import type { AlertTransitioned } from '@daena/contracts';
import { SweepFiringAlertsDocument } from '@daena/contracts/graphql/metrics';
import { z } from 'zod';

/**
 * Metrics' firing alerts as the sweep reads them (issue 15): each as the `metrics.alert.transitioned`
 * event of its firing would have told it, so a firing the bus lost still becomes a task while the
 * alert fires. An alert that fired and resolved while no agents heard is over, and is not work.
 */
export interface MetricsAlertsFeed {
  firing(limit: number): Promise<AlertTransitioned[]>;
}

const alertsShape = z.array(
  z.object({
    id: z.string(),
    rule: z.string(),
    severity: z.string(),
    labels: z.record(z.string(), z.unknown()),
    firingTransitionId: z.string().nullable(),
  }),
);

export class HttpMetricsAlertsFeed implements MetricsAlertsFeed {
  constructor(private readonly options: { url: string; timeoutMs: number; log: Logger }) {}

  async firing(limit: number): Promise<AlertTransitioned[]> {
    const unavailable = () =>
      new UnavailableError('The metrics subgraph is unavailable', 'METRICS_UNAVAILABLE');
    const body = await postToSubgraph(
      { ...this.options, name: 'metrics', unavailable },
      { document: SweepFiringAlertsDocument, variables: { limit } },
      null,
    );
    const alerts = alertsShape.safeParse(body.data?.['alerts']);
    if (body.errors?.length || !alerts.success) {
      this.options.log.warn(
        { errors: body.errors ?? alerts.error?.issues },
        'metrics answered the sweep with an error',
      );
      throw unavailable();
    }
    return alerts.data.flatMap((alert) => {
      // The change that started its firing; null only for a firing alert with none stored.
      const transitionId = alert.firingTransitionId;
      if (transitionId === null) return [];
      const departmentId = alert.labels['departmentId'];
      return [
        {
          transitionId,
          alertId: alert.id,
          rule: alert.rule,
          // The event's spelling: lower case, as the rule files label severities.
          severity: alert.severity.toLowerCase(),
          state: 'firing',
          previousState: null,
          departmentId: typeof departmentId === 'string' ? departmentId : null,
        },
      ];
    });
  }
}
