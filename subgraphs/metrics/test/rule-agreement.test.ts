import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  parseRecordingRules,
  parseRuleFile,
  type AlertRule,
} from '../src/alerts/domain/alert-rules.js';
import { stepRule, type ActiveAlert } from '../src/alerts/domain/alert-state.js';
import { evaluate } from '../src/alerts/domain/promql-evaluate.js';
import { parseDuration } from '../src/alerts/domain/promql-parse.js';
import { seriesSet } from '../src/alerts/domain/series-set.js';
import { ruleFiles } from '../src/alerts/rule-files.js';
import { parseSeriesName, promtoolSeries } from './promtool-series.js';

interface PromtoolTest {
  name: string;
  interval: string;
  input_series: { series: string; values: string }[];
  promql_expr_test?: {
    expr: string;
    eval_time: string;
    exp_samples: { labels: string; value: number }[];
  }[];
  alert_rule_test?: {
    eval_time: string;
    alertname: string;
    exp_alerts: { exp_labels?: Record<string, string>; exp_annotations?: Record<string, string> }[];
  }[];
}

const rules = parseRuleFile(readFileSync(ruleFiles.rules, 'utf8'));
const recordings = parseRecordingRules(readFileSync(ruleFiles.kpis, 'utf8'));
const suite = parse(readFileSync(ruleFiles.tests, 'utf8')) as {
  evaluation_interval: string;
  tests: PromtoolTest[];
};
const stepMs = durationOf(suite.evaluation_interval);

function durationOf(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`${text} is not a duration`);
  return ms;
}

/** The firing alerts of `rule` at `evalMs`, evaluating every step from 0 as promtool does. */
function firingAt(rule: AlertRule, test: PromtoolTest, evalMs: number) {
  const data = seriesSet(promtoolSeries(test.input_series, durationOf(test.interval)));
  let active = new Map<string, ActiveAlert>();
  for (let at = 0; at <= evalMs; at += stepMs) active = stepRule(rule, active, at, data).active;
  return [...active.values()]
    .filter((alert) => alert.state === 'FIRING')
    .map((alert) => ({ labels: alert.labels, annotations: alert.annotations }));
}

const byLabels = (a: { labels: object }, b: { labels: object }) =>
  JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels));

// promtool checks these same expectations (promtool.test.ts): when both pass, the two evaluators
// agree on every series and instant of the suite.
describe('the embedded evaluator against promtool unit tests', () => {
  const cases = suite.tests.flatMap((test) =>
    (test.alert_rule_test ?? []).map((check) => ({ test, check })),
  );

  it('covers every rule of the rule file', () => {
    const tested = new Set(cases.map(({ check }) => check.alertname));
    expect(rules.map((rule) => rule.name).filter((name) => !tested.has(name))).toEqual([]);
  });

  it.each(
    cases.map(({ test, check }) => [`${test.name} @ ${check.eval_time}`, test, check] as const),
  )('%s', (_title, test, check) => {
    const rule = rules.find((candidate) => candidate.name === check.alertname);
    if (!rule) throw new Error(`no rule ${check.alertname} in the rule file`);
    const expected = check.exp_alerts.map((alert) => ({
      labels: { ...alert.exp_labels, alertname: check.alertname },
      annotations: alert.exp_annotations ?? {},
    }));
    const got = firingAt(rule, test, durationOf(check.eval_time));
    expect(got.sort(byLabels)).toEqual(expected.sort(byLabels));
  });
});

describe('the embedded evaluator against promtool expression tests (the KPIs)', () => {
  const cases = suite.tests.flatMap((test) =>
    (test.promql_expr_test ?? []).map((check) => ({ test, check })),
  );

  it('covers every KPI recording rule', () => {
    const tested = new Set(cases.map(({ check }) => check.expr));
    expect(recordings.map((rule) => rule.name).filter((name) => !tested.has(name))).toEqual([]);
  });

  it.each(
    cases.map(({ test, check }) => [`${check.expr} @ ${check.eval_time}`, test, check] as const),
  )('%s', (_title, test, check) => {
    const rule = recordings.find((candidate) => candidate.name === check.expr);
    if (!rule) throw new Error(`no recording rule ${check.expr}`);
    const data = seriesSet(promtoolSeries(test.input_series, durationOf(test.interval)));
    const result = evaluate(rule.expr, durationOf(check.eval_time), data);
    const samples = result.kind === 'vector' ? result.samples : [];
    expect(samples).toHaveLength(check.exp_samples.length);
    check.exp_samples.forEach((expected, i) => {
      expect({ ...samples[i]?.labels, ...rule.labels, __name__: rule.name }).toEqual(
        parseSeriesName(expected.labels),
      );
      expect(samples[i]?.value).toBeCloseTo(expected.value, 12);
    });
  });
});
