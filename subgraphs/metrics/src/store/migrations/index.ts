import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001MetricSamples } from './0001-metric-samples.js';
import { Migration0002AuditLog } from './0002-audit-log.js';
import { Migration0003SeriesAndAlerts } from './0003-series-and-alerts.js';

/** Every migration in order; new ones are appended, never edited once released. */
export const migrations: MigrationObject[] = [
  { name: '0001-metric-samples', class: Migration0001MetricSamples },
  { name: '0002-audit-log', class: Migration0002AuditLog },
  { name: '0003-series-and-alerts', class: Migration0003SeriesAndAlerts },
];
