export { loadMetricsConfig, type MetricsConfig } from './config.js';
export {
  MetricName,
  samplesFromEvent,
  type MetricSampleDraft,
} from './domain/samples-from-event.js';
export { buildMetricsSchema, createMetricsService, type MetricsDependencies } from './service.js';
export { auditBounds } from './audit/domain/audit-entry.js';
export { parsePromql, RuleExpressionError } from './alerts/domain/promql-parse.js';
export { selectorsOf } from './alerts/domain/promql-ast.js';
export { ruleFiles } from './alerts/rule-files.js';
// For benchmarks (test/bench/metrics.ts): the store, the evaluator and the forecasts in isolation.
export { parseRuleFile } from './alerts/domain/alert-rules.js';
export { stepRule } from './alerts/domain/alert-state.js';
export { seriesSet } from './alerts/domain/series-set.js';
export {
  fitBestHoltWinters,
  fitHoltWinters,
  forecast,
  mape,
  predictedCrossing,
} from './forecasts/domain/holt-winters.js';
export { fitLinearTrend, forecastLinear } from './forecasts/domain/linear-trend.js';
export { predictiveCrossing } from './forecasts/domain/predictive-alert.js';
export { partitionOf } from './series/domain/partition-plan.js';
export { querySeries } from './series/operations/query-series.js';
export { SeriesRepository } from './series/store/series-repository.js';
export { migrations } from './store/migrations/index.js';
