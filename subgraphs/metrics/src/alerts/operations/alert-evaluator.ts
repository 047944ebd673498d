import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, Logger } from '@daena/platform';
import { Events } from '@daena/contracts';
import type { AlertRule } from '../domain/alert-rules.js';
import {
  stepAlerts,
  stepRule,
  type ActiveAlert,
  type AlertTransition,
  type PredictiveStep,
} from '../domain/alert-state.js';
import { lookbackMs } from '../domain/promql-evaluate.js';
import { selectorsOf, type Expr } from '../domain/promql-ast.js';
import { seriesSet } from '../domain/series-set.js';
import { AlertRepository } from '../store/alert-repository.js';
import { SeriesRepository, type SeriesFilter } from '../../series/store/series-repository.js';

/**
 * What one evaluation of `rules` reads: the series each selector names (with its `=` matchers,
 * so Postgres returns only those series) and how far back: the longest range + offset, plus the
 * lookback.
 */
export function windowOf(rules: readonly { expr: Expr }[]): {
  filters: SeriesFilter[];
  names: string[];
  spanMs: number;
} {
  const selectors = rules.flatMap((rule) => selectorsOf(rule.expr));
  const filters = new Map<string, SeriesFilter>();
  for (const { selector } of selectors) {
    const labels = Object.fromEntries(
      selector.matchers
        // `label=""` also matches series without the label: containment cannot say that.
        .filter((matcher) => matcher.op === '=' && matcher.value !== '')
        .map((matcher) => [matcher.name, matcher.value]),
    );
    const filter = { name: selector.metric, labels };
    filters.set(JSON.stringify(filter), filter);
  }
  const names = [...new Set(selectors.map(({ selector }) => selector.metric))].sort();
  const spanMs = Math.max(
    0,
    ...selectors.map(({ selector, rangeMs }) => rangeMs + selector.offsetMs),
  );
  return { filters: [...filters.values()], names, spanMs: spanMs + lookbackMs };
}

/**
 * The embedded evaluator (issue 17): evaluates the repository's rules over the stored series,
 * stores each alert state transition and publishes it on the bus (alertUpdates). Active alerts
 * are read back from Postgres on the first evaluation, so a restart neither forgets a firing
 * alert nor fires a pending one early.
 */
export class AlertEvaluator {
  private active: Map<string, Map<string, ActiveAlert>> | undefined;
  private readonly window: ReturnType<typeof windowOf>;

  constructor(
    private readonly rules: readonly AlertRule[],
    private readonly fork: () => EntityManager,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {
    this.window = windowOf(rules);
  }

  /**
   * One evaluation of every rule at `at`, and a step of each predictive rule with the series its
   * forecast says cross (forecasts/); returns the transitions it stored.
   */
  async evaluate(at: Date, predictive: readonly PredictiveStep[] = []): Promise<AlertTransition[]> {
    const active = (this.active ??= await this.resume());
    const from = new Date(at.getTime() - this.window.spanMs);
    const data = seriesSet(
      await new SeriesRepository(this.fork()).load(this.window.filters, from, at),
    );
    const transitions: AlertTransition[] = [];
    for (const rule of this.rules) {
      const step = stepRule(rule, active.get(rule.name) ?? new Map(), at.getTime(), data);
      active.set(rule.name, step.active);
      transitions.push(...step.transitions);
    }
    for (const { rule, samples } of predictive) {
      const step = stepAlerts(rule, active.get(rule.name) ?? new Map(), at.getTime(), samples);
      active.set(rule.name, step.active);
      transitions.push(...step.transitions);
    }
    const stored = await new AlertRepository(this.fork()).recordTransitions(transitions);
    for (const [i, record] of stored.entries()) {
      const transition = transitions[i];
      if (!transition) continue;
      await this.bus.publish(
        Events.alertTransitioned.create({
          transitionId: record.id,
          alertId: record.alertId,
          rule: transition.rule,
          severity: transition.severity,
          state: transition.to.toLowerCase(),
          previousState: transition.from?.toLowerCase() ?? null,
          departmentId: transition.labels['departmentId'] ?? null,
        }),
      );
    }
    if (transitions.length > 0) {
      this.log.info({ transitions: transitions.map((t) => `${t.rule}:${t.to}`) }, 'alerts changed');
    }
    return transitions;
  }

  private async resume(): Promise<Map<string, Map<string, ActiveAlert>>> {
    const byRule = new Map<string, Map<string, ActiveAlert>>();
    for (const alert of await new AlertRepository(this.fork()).active()) {
      const alerts = byRule.get(alert.rule) ?? new Map<string, ActiveAlert>();
      alerts.set(alert.fingerprint, alert);
      byRule.set(alert.rule, alerts);
    }
    return byRule;
  }
}
