import { fileURLToPath } from 'node:url';

/**
 * The repository's Prometheus and Grafana files (observability/), which the real Prometheus
 * loads and the embedded evaluator reads: one definition of every rule, KPI and panel.
 */
export const ruleFiles = {
  rules: fileURLToPath(
    new URL('../../../../observability/prometheus/rules/daena.rules.yml', import.meta.url),
  ),
  kpis: fileURLToPath(
    new URL('../../../../observability/prometheus/rules/daena.kpis.yml', import.meta.url),
  ),
  dashboards: fileURLToPath(new URL('../../../../observability/grafana/', import.meta.url)),
  prometheusConfig: fileURLToPath(
    new URL('../../../../observability/prometheus/prometheus.yml', import.meta.url),
  ),
  alertmanagerConfig: fileURLToPath(
    new URL('../../../../observability/alertmanager/alertmanager.yml', import.meta.url),
  ),
  forecasts: fileURLToPath(new URL('../../../../observability/forecasts.yml', import.meta.url)),
  tests: fileURLToPath(
    new URL('../../../../observability/prometheus/tests/daena.rules.test.yml', import.meta.url),
  ),
} as const;
