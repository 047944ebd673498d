import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@daena/platform';
import { BadInputError } from '@daena/platform/domain';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { AlertRuleHead, PredictiveStep } from '../../alerts/domain/alert-state.js';
import type { Expr } from '../../alerts/domain/promql-ast.js';
import { evaluate, type Sample } from '../../alerts/domain/promql-evaluate.js';
import { labelsKey, seriesSet, type SeriesLabels } from '../../alerts/domain/series-set.js';
import { windowOf } from '../../alerts/operations/alert-evaluator.js';
import { SeriesRepository } from '../../series/store/series-repository.js';
import { ForecastAccuracy } from '../domain/forecast-accuracy.js';
import type { ForecastTarget, PredictiveAlertRule } from '../domain/forecast-targets.js';
import { predictiveCrossing } from '../domain/predictive-alert.js';
import { forecastWithPlan, type LabelledForecast } from './forecast-series.js';

const withoutName = ({ __name__: _name, ...labels }: SeriesLabels): SeriesLabels => labels;

/**
 * The forecasts of observability/forecasts.yml, made once a step inside the monitoring loop:
 * each target's forecast is scored as its horizon comes due (`daena_forecast_mape_ratio` on the
 * service's /metrics) and drives its predictive alert. Accuracy lives in memory: a restart
 * starts scoring afresh.
 */
export class ForecastMonitor {
  private readonly lastRun = new Map<string, number>();
  private readonly accuracy = new Map<string, ForecastAccuracy>();
  private readonly crossing = new Map<string, readonly Sample[]>();
  private readonly mape = new Gauge({
    name: 'daena_forecast_mape_ratio',
    help: "Mean absolute percentage error of each tracked forecast's last point, scored as its horizon came due (last 288)",
    labelNames: ['forecast'] as const,
    registers: [],
  });
  private readonly scored = new Counter({
    name: 'daena_forecast_scored_total',
    help: 'Forecasts whose horizon came due and were scored against the actual value',
    labelNames: ['forecast'] as const,
    registers: [],
  });

  constructor(
    private readonly targets: readonly ForecastTarget[],
    private readonly fork: () => EntityManager,
    private readonly log: Logger,
  ) {}

  registerMetrics(registry: Registry): void {
    registry.registerMetric(this.mape);
    registry.registerMetric(this.scored);
  }

  /**
   * Forecasts every target whose step has turned since its last run, and returns every
   * predictive rule with the series crossing now (the last result between runs).
   */
  async tick(at: Date): Promise<PredictiveStep[]> {
    for (const target of this.targets) {
      const stepMs = target.plan.stepSeconds * 1000;
      const instant = Math.floor(at.getTime() / stepMs) * stepMs;
      if (this.lastRun.get(target.name) === instant) continue;
      this.lastRun.set(target.name, instant);
      await this.run(target, new Date(instant)).catch((error: unknown) => {
        // No series yet, or too little history: nothing to forecast, nothing to warn about.
        if (error instanceof BadInputError) {
          if (target.alert) this.crossing.set(target.alert.name, []);
          return;
        }
        // A store error says nothing about the series: the alert keeps its last state.
        this.log.warn({ err: error, forecast: target.name }, 'forecast failed');
      });
    }
    return this.targets.flatMap(({ alert }) =>
      alert ? [{ rule: ruleHead(alert), samples: this.crossing.get(alert.name) ?? [] }] : [],
    );
  }

  private async run(target: ForecastTarget, at: Date): Promise<void> {
    const repository = new SeriesRepository(this.fork());
    const forecasts = await forecastWithPlan(repository, target.expression, target.plan, at);
    this.score(target.name, forecasts);
    if (!target.alert) return;
    const thresholdOf = await thresholds(repository, target.alert.threshold, at);
    this.crossing.set(
      target.alert.name,
      forecasts.flatMap((series) => {
        const threshold = thresholdOf(series.labels);
        if (threshold === undefined || !Number.isFinite(threshold)) return [];
        const values = series.history.map(([, value]) => value);
        const found = predictiveCrossing(values, target.plan.horizonPoints, threshold);
        return found ? [{ labels: series.labels, value: found.point.value }] : [];
      }),
    );
  }

  private score(name: string, forecasts: readonly LabelledForecast[]): void {
    const accuracy = this.accuracy.get(name) ?? new ForecastAccuracy();
    this.accuracy.set(name, accuracy);
    for (const series of forecasts) {
      const key = labelsKey(withoutName(series.labels));
      this.scored.inc({ forecast: name }, accuracy.settle(key, series.history));
      const last = series.points[series.points.length - 1];
      if (last) accuracy.predict(key, last.at, last.value);
    }
    const mape = accuracy.mape();
    if (Number.isFinite(mape)) this.mape.set({ forecast: name }, mape);
  }
}

function ruleHead(alert: PredictiveAlertRule): AlertRuleHead {
  return {
    name: alert.name,
    forMs: alert.forMs,
    severity: alert.severity,
    labels: alert.labels,
    annotations: alert.annotations,
  };
}

/**
 * The threshold at `at`: a scalar applies to every series, a vector to the series with the same
 * labels (a single unlabelled sample, such as a `sum`, to all).
 */
async function thresholds(
  repository: SeriesRepository,
  expr: Expr,
  at: Date,
): Promise<(labels: SeriesLabels) => number | undefined> {
  const window = windowOf([{ expr }]);
  const from = new Date(at.getTime() - window.spanMs);
  const data = seriesSet(
    window.filters.length > 0 ? await repository.load(window.filters, from, at) : [],
  );
  const value = evaluate(expr, at.getTime(), data);
  if (value.kind === 'scalar') return () => value.value;
  const byLabels = new Map(value.samples.map((s) => [labelsKey(withoutName(s.labels)), s.value]));
  const only = value.samples.length === 1 ? value.samples[0] : undefined;
  if (only && Object.keys(withoutName(only.labels)).length === 0) return () => only.value;
  return (labels) => byLabels.get(labelsKey(withoutName(labels)));
}
