import { Counter, Histogram, type Metric, type Registry } from 'prom-client';
import type { CallOutcome, DriftEvent } from '../index.js';

/**
 * The router on /metrics: every call, its cost and duration by model, every selection and every
 * drift alarm, so spend and failures can be graphed and alerted on without querying Postgres.
 */
export class RouterMetrics {
  private readonly calls = new Counter({
    name: 'router_calls_total',
    help: 'LLM calls made by the router, by model, task type and result (ok or the error kind)',
    labelNames: ['model', 'task_type', 'result'],
    registers: [],
  });
  private readonly cost = new Counter({
    name: 'router_cost_usd_total',
    help: 'US dollars spent on LLM calls, by model',
    labelNames: ['model'],
    registers: [],
  });
  private readonly duration = new Histogram({
    name: 'router_call_duration_seconds',
    help: 'Duration of LLM calls, by model',
    labelNames: ['model'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [],
  });
  private readonly selections = new Counter({
    name: 'router_selections_total',
    help: 'Models selected by the router, by model and task type',
    labelNames: ['model', 'task_type'],
    registers: [],
  });
  private readonly drift = new Counter({
    name: 'router_drift_detected_total',
    help: 'Drift alarms, by model, task type and metric (quality or latency)',
    labelNames: ['model', 'task_type', 'metric'],
    registers: [],
  });

  private readonly judged = new Counter({
    name: 'router_judge_calls_total',
    help: 'Answers sent to the LLM judge, by result (rated, unrated, failed, over_budget)',
    labelNames: ['result'],
    registers: [],
  });
  private readonly judgeCost = new Counter({
    name: 'router_judge_cost_usd_total',
    help: 'US dollars spent on the LLM judge (not counted in router_cost_usd_total)',
    registers: [],
  });

  register(registry: Registry): void {
    const metrics: Metric[] = [this.calls, this.cost, this.duration, this.selections, this.drift];
    for (const metric of [...metrics, this.judged, this.judgeCost]) {
      registry.registerMetric(metric);
    }
  }

  judge(result: 'rated' | 'unrated' | 'failed' | 'over_budget', costUsd = 0): void {
    this.judged.inc({ result });
    if (costUsd > 0) this.judgeCost.inc(costUsd);
  }

  call(outcome: CallOutcome): void {
    const result = outcome.ok ? 'ok' : (outcome.errorKind ?? 'error');
    this.calls.inc({ model: outcome.model, task_type: outcome.taskType, result });
    if (outcome.costUsd > 0) this.cost.inc({ model: outcome.model }, outcome.costUsd);
    this.duration.observe({ model: outcome.model }, outcome.latencyMs / 1_000);
  }

  selected(model: string, taskType: string): void {
    this.selections.inc({ model, task_type: taskType });
  }

  drifted(event: DriftEvent): void {
    this.drift.inc({ model: event.model, task_type: event.taskType, metric: event.metric });
  }
}
