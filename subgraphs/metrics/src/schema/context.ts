import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader, type Caller, type Principal } from '@daena/platform';
import { AlertRepository } from '../alerts/store/alert-repository.js';
import { AuditLogRepository } from '../audit/store/audit-log-repository.js';
import type { KpiDefinition } from '../kpis/domain/kpi.js';
import { MetricSampleRepository } from '../store/metric-sample-repository.js';
import { SeriesRepository } from '../series/store/series-repository.js';

export interface MetricsContext {
  principal: Principal;
  /** The service a verified service token names (the gateway), or null for users' requests. */
  service: string | null;
  samples: MetricSampleRepository;
  auditLog: AuditLogRepository;
  alerts: AlertRepository;
  series: SeriesRepository;
  /** The KPIs of the repository's recording rules (observability/prometheus/rules). */
  kpis: readonly KpiDefinition[];
  loaders: ReturnType<typeof createLoaders>;
}

/** Who calls: a user (principal) or another service (its name, with an anonymous principal). */
export type MetricsCaller = Caller;

/** Per-request loaders over a per-request EntityManager fork (STYLE habit 11). */
export function createLoaders(samples: MetricSampleRepository, alerts: AlertRepository) {
  return {
    sample: byIdLoader((ids) => samples.byIds(ids)),
    alert: byIdLoader((ids) => alerts.byIds(ids)),
    alertTransitions: groupLoader(
      (ids) => alerts.transitionsOf(ids),
      (transition) => transition.alertId,
    ),
    /** Keyed by alert id: its last transition into FIRING (null: it never fired). */
    lastFiring: byIdLoader(async (ids) =>
      (await alerts.lastFiringTransitionsOf(ids)).map(({ alertId, transitionId }) => ({
        id: alertId,
        transitionId,
      })),
    ),
  };
}

export function createMetricsContext(
  caller: MetricsCaller,
  em: EntityManager,
  kpis: readonly KpiDefinition[] = [],
): MetricsContext {
  const samples = new MetricSampleRepository(em);
  const alerts = new AlertRepository(em);
  return {
    ...caller,
    samples,
    auditLog: new AuditLogRepository(em),
    alerts,
    series: new SeriesRepository(em),
    kpis,
    loaders: createLoaders(samples, alerts),
  };
}
