import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Principal } from '@daena/platform';
import { MetricSampleRepository } from '../store/metric-sample-repository.js';

export interface MetricsContext {
  principal: Principal;
  samples: MetricSampleRepository;
  loaders: ReturnType<typeof createLoaders>;
}

/** Per-request loaders over a per-request EntityManager fork (STYLE habit 11). */
export function createLoaders(samples: MetricSampleRepository) {
  return {
    sample: byIdLoader((ids) => samples.byIds(ids)),
  };
}

export function createMetricsContext(principal: Principal, em: EntityManager): MetricsContext {
  const samples = new MetricSampleRepository(em);
  return { principal, samples, loaders: createLoaders(samples) };
}
