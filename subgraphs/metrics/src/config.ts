import { env, loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';

/** A whole number of `unit`, at least `min`, with one message for every way it can be wrong. */
function wholeNumber(unit: string, min: number, fallback: number) {
  const message = `expected a whole number of ${unit}, at least ${min}`;
  return z.coerce.number({ message }).int(message).min(min, message).default(fallback);
}

/** The embedded monitoring (issue 17): scrape, store, evaluate the alert rules. */
const monitoringEnv = {
  METRICS_SCRAPE_TARGETS: z
    .string()
    .default(
      [4000, 4001, 4002, 4003, 4004].map((port) => `http://127.0.0.1:${port}/metrics`).join(','),
    )
    .transform((text) =>
      text
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(env.url(['http', 'https'])))
    .describe(
      "The `/metrics` URLs the metrics service scrapes, comma-separated; by default the stack's five services.",
    ),
  METRICS_SCRAPE_INTERVAL_SECONDS: wholeNumber('seconds', 0, 15).describe(
    'How often the metrics service scrapes its targets and evaluates the alert rules; 0 turns embedded monitoring off (a real Prometheus may do it).',
  ),
  METRICS_SCRAPE_TIMEOUT_SECONDS: wholeNumber('seconds', 1, 5).describe(
    'A scrape slower than this counts the target as down (`up` 0).',
  ),
  METRICS_RETENTION_DAYS: wholeNumber('days', 1, 35).describe(
    'Days of scraped points kept: older day partitions are dropped by the maintenance job.',
  ),
  METRICS_PARTITIONS_AHEAD_DAYS: wholeNumber('days', 1, 3).describe(
    'Day partitions created ahead of today by the maintenance job.',
  ),
  ALERT_RULES_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The Prometheus rule file the embedded evaluator runs. Unset: the repository's `observability/prometheus/rules/daena.rules.yml`.",
    ),
};

export const schema = serviceEnvSchema(4004).extend(postgresEnv).extend(monitoringEnv);
export type MetricsConfig = z.infer<typeof schema>;

/** The metrics service's validated configuration (ARCHITECTURE §4). */
export function loadMetricsConfig(
  env: Record<string, string | undefined> = process.env,
): MetricsConfig {
  return loadConfig(schema, env);
}
