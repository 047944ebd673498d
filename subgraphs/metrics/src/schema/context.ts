import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Principal } from '@daena/platform';
import { AuditLogRepository } from '../audit/store/audit-log-repository.js';
import { MetricSampleRepository } from '../store/metric-sample-repository.js';

export interface MetricsContext {
  principal: Principal;
  /** The service a verified service token names (the gateway), or null for users' requests. */
  service: string | null;
  samples: MetricSampleRepository;
  auditLog: AuditLogRepository;
  loaders: ReturnType<typeof createLoaders>;
}

/** Who calls: a user (principal) or another service (its name, with an anonymous principal). */
export interface MetricsCaller {
  principal: Principal;
  service: string | null;
}

/** Per-request loaders over a per-request EntityManager fork (STYLE habit 11). */
export function createLoaders(samples: MetricSampleRepository) {
  return {
    sample: byIdLoader((ids) => samples.byIds(ids)),
  };
}

export function createMetricsContext(caller: MetricsCaller, em: EntityManager): MetricsContext {
  const samples = new MetricSampleRepository(em);
  return {
    ...caller,
    samples,
    auditLog: new AuditLogRepository(em),
    loaders: createLoaders(samples),
  };
}
