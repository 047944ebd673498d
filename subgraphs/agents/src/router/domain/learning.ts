/** The router's learning core: quality posteriors, windowed stats, drift detection, selection. */
export * from './learning/quality-posterior.js';
export * from './learning/sample-beta.js';
export * from './learning/seeded-random.js';
export * from './learning/latency-histogram.js';
export * from './learning/stats-bucket.js';
export * from './learning/stats-window.js';
export * from './learning/page-hinkley.js';
export * from './learning/drift-monitor.js';
export * from './learning/quality-evidence.js';
export * from './learning/signal-trust.js';
export * from './learning/performance-tracker.js';
export * from './learning/selection-policy.js';
export * from './learning/spend-target-pacer.js';
export * from './learning/willingness-to-pay.js';
export * from './learning/candidate-eligibility.js';
export * from './learning/selection-reasoning.js';
export * from './learning/select-model.js';
