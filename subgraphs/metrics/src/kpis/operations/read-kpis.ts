import { windowOf } from '../../alerts/operations/alert-evaluator.js';
import { seriesSet } from '../../alerts/domain/series-set.js';
import type { SeriesRepository } from '../../series/store/series-repository.js';
import { evaluateKpi, type KpiDefinition, type KpiValue } from '../domain/kpi.js';

/** Every KPI at `at`, evaluated over the stored series of the window the KPIs read. */
export async function readKpis(
  series: SeriesRepository,
  kpis: readonly KpiDefinition[],
  at: Date,
): Promise<KpiValue[]> {
  const window = windowOf(kpis);
  const from = new Date(at.getTime() - window.spanMs);
  const data = seriesSet(await series.load(window.filters, from, at));
  return kpis.map((kpi) => evaluateKpi(kpi, at.getTime(), data));
}
