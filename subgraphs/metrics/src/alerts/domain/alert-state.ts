import type { AlertRule } from './alert-rules.js';
import { evaluate, type Sample } from './promql-evaluate.js';
import { createHash } from 'node:crypto';
import { labelsKey, type SeriesLabels, type SeriesSet } from './series-set.js';

export const AlertState = { PENDING: 'PENDING', FIRING: 'FIRING', RESOLVED: 'RESOLVED' } as const;
export type AlertState = (typeof AlertState)[keyof typeof AlertState];

/** One active alert of a rule: a label set whose expression has held since `activeAt`. */
export interface ActiveAlert {
  readonly rule: string;
  readonly fingerprint: string;
  readonly labels: SeriesLabels;
  readonly annotations: Readonly<Record<string, string>>;
  readonly state: Exclude<AlertState, 'RESOLVED'>;
  readonly activeAt: number;
  readonly value: number;
}

/** A change of an alert's state, to store and publish. */
export interface AlertTransition {
  readonly rule: string;
  readonly fingerprint: string;
  readonly labels: SeriesLabels;
  readonly annotations: Readonly<Record<string, string>>;
  readonly severity: string;
  readonly from: AlertState | null;
  readonly to: AlertState;
  readonly at: number;
  readonly value: number;
}

/** An alert's id: 16 hex digits of the SHA-256 of its sorted labels (stable across restarts). */
export function alertIdOf(labels: SeriesLabels): string {
  return createHash('sha256').update(labelsKey(labels)).digest('hex').slice(0, 16);
}

/** `{{ $labels.name }}` in annotations, the one template form the rule file uses. */
function expand(template: string, labels: SeriesLabels): string {
  return template.replace(
    /\{\{\s*\$labels\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
    (_, name: string) => {
      return labels[name] ?? '';
    },
  );
}

/**
 * One evaluation of a rule at `at`, as Prometheus's alerting rule does it (rules/alerting.go):
 * each result sample is an alert labelled with the sample's labels (no name), the rule's labels
 * and `alertname`; new ones are PENDING, and FIRING once active for the rule's `for`; a pending
 * alert that stops matching disappears, a firing one is RESOLVED. Returns the new active set and
 * the transitions.
 */
export function stepRule(
  rule: AlertRule,
  active: ReadonlyMap<string, ActiveAlert>,
  at: number,
  data: SeriesSet,
): { active: Map<string, ActiveAlert>; transitions: AlertTransition[] } {
  const result = evaluate(rule.expr, at, data);
  const samples = result.kind === 'vector' ? result.samples : [{ labels: {}, value: result.value }];
  return stepAlerts(rule, active, at, samples);
}

/** What `stepAlerts` needs of a rule: its name, `for`, severity, labels and annotations. */
export type AlertRuleHead = Pick<
  AlertRule,
  'name' | 'forMs' | 'severity' | 'labels' | 'annotations'
>;

/** A rule whose condition is computed elsewhere (a predictive alert) and the samples it holds for. */
export interface PredictiveStep {
  readonly rule: AlertRuleHead;
  readonly samples: readonly Sample[];
}

/**
 * One step of a rule's alerts given the samples its condition holds for now (Prometheus's
 * state machine, as `stepRule` describes); the predictive alerts (forecasts/) step through it
 * with the series whose forecast crosses their threshold.
 */
export function stepAlerts(
  rule: AlertRuleHead,
  active: ReadonlyMap<string, ActiveAlert>,
  at: number,
  samples: readonly Sample[],
): { active: Map<string, ActiveAlert>; transitions: AlertTransition[] } {
  const next = new Map<string, ActiveAlert>();
  const transitions: AlertTransition[] = [];
  const record = (alert: ActiveAlert, from: AlertState | null, to: AlertState) =>
    transitions.push({
      rule: rule.name,
      fingerprint: alert.fingerprint,
      labels: alert.labels,
      annotations: alert.annotations,
      severity: rule.severity,
      from,
      to,
      at,
      value: alert.value,
    });
  for (const sample of samples) {
    const { __name__: _name, ...sampleLabels } = sample.labels;
    const labels = { ...sampleLabels, ...rule.labels, alertname: rule.name };
    const fingerprint = alertIdOf(labels);
    const annotations = Object.fromEntries(
      Object.entries(rule.annotations).map(([key, text]) => [key, expand(text, sampleLabels)]),
    );
    const previous = active.get(fingerprint);
    const alert: ActiveAlert = previous
      ? { ...previous, annotations, value: sample.value }
      : {
          rule: rule.name,
          fingerprint,
          labels,
          annotations,
          state: 'PENDING',
          activeAt: at,
          value: sample.value,
        };
    if (!previous) record(alert, null, AlertState.PENDING);
    const fires = alert.state === 'PENDING' && at - alert.activeAt >= rule.forMs;
    const current: ActiveAlert = fires ? { ...alert, state: 'FIRING' } : alert;
    if (fires) record(current, AlertState.PENDING, AlertState.FIRING);
    next.set(fingerprint, current);
  }
  for (const [fingerprint, alert] of active) {
    if (next.has(fingerprint)) continue;
    // Prometheus forgets a pending alert that stops matching and resolves a firing one; both
    // are stored as RESOLVED, so every stored history ends.
    record(alert, alert.state, AlertState.RESOLVED);
  }
  return { active: next, transitions };
}
