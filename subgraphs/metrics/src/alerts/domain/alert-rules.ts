import { parse } from 'yaml';
import { z } from 'zod';
import { BadInputError } from '@daena/platform/domain';
import type { Expr } from './promql-ast.js';
import { parseDuration, parsePromql, RuleExpressionError } from './promql-parse.js';

export const Severity = { critical: 'critical', warning: 'warning', info: 'info' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** One alerting rule of the repository's rule file, ready for the embedded evaluator. */
export interface AlertRule {
  readonly name: string;
  readonly group: string;
  readonly expression: string;
  readonly expr: Expr;
  readonly forMs: number;
  readonly severity: Severity;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A rule file the evaluator cannot load (reason MALFORMED_RULE_FILE), with what is wrong. */
export class RuleFileError extends BadInputError {
  constructor(problem: string) {
    super(`alert rule file: ${problem}`, 'MALFORMED_RULE_FILE');
  }
}

// Prometheus's rule file format (docs: configuration/recording_rules, alerting_rules).
const alertingRule = z.object({
  alert: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  expr: z.string(),
  for: z.string().optional(),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
});
const recordingRule = z.object({
  record: z.string().regex(/^[A-Za-z_:][A-Za-z0-9_:]*$/),
  expr: z.string(),
  labels: z.record(z.string(), z.string()).default({}),
});
const ruleFileSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string().min(1),
      interval: z.string().optional(),
      rules: z.array(z.union([alertingRule, recordingRule])),
    }),
  ),
});

/** A recording rule of a rule file, with its expression parsed. */
export interface RecordingRule {
  readonly name: string;
  readonly expression: string;
  readonly expr: Expr;
  readonly labels: Readonly<Record<string, string>>;
}

/** The groups of a rule file's YAML text, checked against Prometheus's format. */
function parseGroups(text: string): z.infer<typeof ruleFileSchema>['groups'] {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new RuleFileError(`not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const checked = ruleFileSchema.safeParse(document);
  if (!checked.success) throw new RuleFileError(checked.error.issues[0]?.message ?? 'invalid');
  return checked.data.groups;
}

/**
 * Parses the rule file's YAML text into its alerting rules. Every expression is parsed here, so a
 * malformed or unsupported one is refused at load (RuleExpressionError), not at its first
 * evaluation.
 */
export function parseRuleFile(text: string): AlertRule[] {
  return parseGroups(text).flatMap((group) =>
    group.rules.flatMap((rule) => {
      if (!('alert' in rule)) return [];
      const forMs = rule.for === undefined ? 0 : parseDuration(rule.for);
      if (forMs === null) {
        throw new RuleExpressionError(rule.expr, `"for: ${rule.for}" is not a duration`);
      }
      const severity = rule.labels.severity ?? '';
      if (!(severity in Severity)) {
        throw new RuleFileError(`${rule.alert} needs a severity label: critical, warning or info`);
      }
      return [
        {
          name: rule.alert,
          group: group.name,
          expression: rule.expr,
          expr: parsePromql(rule.expr),
          forMs,
          severity: severity as Severity,
          labels: rule.labels,
          annotations: rule.annotations,
        },
      ];
    }),
  );
}

/** The recording rules of a rule file (the KPIs), expressions parsed as for alerting rules. */
export function parseRecordingRules(text: string): RecordingRule[] {
  return parseGroups(text).flatMap((group) =>
    group.rules.flatMap((rule) =>
      'record' in rule
        ? [
            {
              name: rule.record,
              expression: rule.expr,
              expr: parsePromql(rule.expr),
              labels: rule.labels,
            },
          ]
        : [],
    ),
  );
}
