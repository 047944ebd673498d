import { createPostgresStore, type EventBus, type RunningService } from '@daena/platform';
import { graphql, silentLogger, startTestService, testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import { loadMetricsConfig } from '../src/config.js';
import { createMetricsService } from '../src/service.js';
import { migrations } from '../src/store/migrations/index.js';

/** Starts the metrics service on a free port against `databaseUrl`, consuming from `bus`. */
export function startMetrics(databaseUrl: string, bus: EventBus): Promise<RunningService> {
  // Embedded monitoring off: the tests that need it start it themselves with their targets.
  const config = loadMetricsConfig({
    PORT: '1',
    DATABASE_URL: databaseUrl,
    METRICS_SCRAPE_INTERVAL_SECONDS: '0',
  });
  return startTestService(
    createMetricsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
  );
}

export type MetricsStore = ReturnType<typeof createPostgresStore>;

/** The metrics schema of `databaseUrl` (migrated), for a test to write and read rows directly. */
export async function openMetricsStore(databaseUrl: string): Promise<MetricsStore> {
  const store = createPostgresStore({
    schema: 'metrics',
    url: databaseUrl,
    migrations,
    log: silentLogger(),
  });
  await store.connect();
  return store;
}

export interface SampleView {
  id: string;
  name: string;
  value: number;
  labels: Record<string, unknown> | null;
  recordedAt: string;
}

/** `metricSamples(name, since, limit)`, asserting the call succeeded. */
export async function samplesOf(
  service: RunningService,
  name: string,
  args: { since?: string; limit?: number } = {},
): Promise<SampleView[]> {
  const result = await graphql<{ metricSamples: SampleView[] }>(
    service.url,
    `
      query ($name: String!, $since: DateTimeISO, $limit: Int) {
        metricSamples(name: $name, since: $since, limit: $limit) {
          id
          name
          value
          labels
          recordedAt
        }
      }
    `,
    { name, ...args },
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.metricSamples ?? [];
}
