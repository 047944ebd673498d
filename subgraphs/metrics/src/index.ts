export { loadMetricsConfig, type MetricsConfig } from './config.js';
export {
  MetricName,
  samplesFromEvent,
  type MetricSampleDraft,
} from './domain/samples-from-event.js';
export { buildMetricsSchema, createMetricsService, type MetricsDependencies } from './service.js';
export { auditBounds } from './audit/domain/audit-entry.js';
