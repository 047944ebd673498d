import { parse } from 'yaml';
import { z } from 'zod';
import { RuleFileError, Severity } from '../../alerts/domain/alert-rules.js';
import type { Expr } from '../../alerts/domain/promql-ast.js';
import { parseDuration, parsePromql } from '../../alerts/domain/promql-parse.js';
import { planForecast, type ForecastPlan } from './forecast-plan.js';

/** A predictive alert: fires while the trend forecast crosses `threshold` within the horizon. */
export interface PredictiveAlertRule {
  readonly name: string;
  readonly threshold: Expr;
  readonly severity: Severity;
  readonly forMs: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A forecast the metrics service makes every step and tracks (observability/forecasts.yml). */
export interface ForecastTarget {
  readonly name: string;
  readonly expression: string;
  readonly plan: ForecastPlan;
  readonly alert: PredictiveAlertRule | null;
}

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null || ms % 1000 !== 0) {
    ctx.addIssue({ code: 'custom', message: `${text} is not a duration in whole seconds` });
    return z.NEVER;
  }
  return ms / 1000;
});

const fileSchema = z.object({
  forecasts: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      expr: z.string(),
      step: duration,
      horizon: duration,
      alert: z
        .object({
          name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
          threshold: z.union([z.number(), z.string()]),
          severity: z.enum([Severity.critical, Severity.warning, Severity.info]),
          for: duration.default(0),
          summary: z.string(),
        })
        .optional(),
    }),
  ),
});

/**
 * The forecast targets of the YAML text. Expressions, thresholds, steps and horizons are all
 * checked here, so a bad file stops the service at start (MALFORMED_RULE_FILE, or the
 * expression's own error).
 */
export function parseForecastTargets(text: string): ForecastTarget[] {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new RuleFileError(`forecasts: not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const checked = fileSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new RuleFileError(`forecasts: ${issue?.path.join('.')} ${issue?.message ?? 'invalid'}`);
  }
  return checked.data.forecasts.map((target) => {
    parsePromql(target.expr);
    const alert = target.alert;
    return {
      name: target.name,
      expression: target.expr,
      plan: planForecast(target.horizon, target.step),
      alert: alert
        ? {
            name: alert.name,
            threshold: parsePromql(String(alert.threshold)),
            severity: alert.severity,
            forMs: alert.for * 1000,
            labels: { severity: alert.severity, forecast: target.name },
            annotations: { summary: alert.summary },
          }
        : null,
    };
  });
}
