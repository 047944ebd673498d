import { BadInputError } from '@daena/platform/domain';
import type { RecordingRule } from '../../alerts/domain/alert-rules.js';
import type { Expr } from '../../alerts/domain/promql-ast.js';
import { evaluate } from '../../alerts/domain/promql-evaluate.js';
import type { SeriesSet } from '../../alerts/domain/series-set.js';

export const KpiGoal = { ABOVE: 'above', BELOW: 'below' } as const;
export type KpiGoal = (typeof KpiGoal)[keyof typeof KpiGoal];

export const KpiStatus = { OK: 'OK', BREACHED: 'BREACHED', NO_DATA: 'NO_DATA' } as const;
export type KpiStatus = (typeof KpiStatus)[keyof typeof KpiStatus];

/** A KPI of the design document: a recording rule with its target. */
export interface KpiDefinition {
  /** e.g. `uptime_ratio` (the rule `daena:kpi_uptime_ratio`). */
  readonly name: string;
  readonly record: string;
  readonly expr: Expr;
  readonly target: number;
  readonly goal: KpiGoal;
  readonly unit: string;
}

export interface KpiValue {
  readonly name: string;
  readonly value: number | null;
  readonly target: number;
  readonly goal: KpiGoal;
  readonly unit: string;
  readonly status: KpiStatus;
}

const prefix = 'daena:kpi_';

/** The KPIs among recording rules (`daena:kpi_*`), each needing target, goal and unit labels. */
export function kpiDefinitions(rules: readonly RecordingRule[]): KpiDefinition[] {
  return rules
    .filter((rule) => rule.name.startsWith(prefix))
    .map((rule) => {
      const target = Number(rule.labels['target']);
      const goal = rule.labels['goal'];
      if (!Number.isFinite(target) || (goal !== KpiGoal.ABOVE && goal !== KpiGoal.BELOW)) {
        throw new BadInputError(
          `KPI ${rule.name} needs a numeric target label and goal above or below`,
          'MALFORMED_RULE_FILE',
        );
      }
      return {
        name: rule.name.slice(prefix.length),
        record: rule.name,
        expr: rule.expr,
        target,
        goal,
        unit: rule.labels['unit'] ?? '',
      };
    });
}

/**
 * A KPI's value at `at`: its expression's single value (a vector's first sample), and whether it
 * meets its target; NO_DATA when there are no series or the ratio is undefined (0/0).
 */
export function evaluateKpi(kpi: KpiDefinition, at: number, data: SeriesSet): KpiValue {
  const result = evaluate(kpi.expr, at, data);
  const raw = result.kind === 'scalar' ? result.value : result.samples[0]?.value;
  const value = raw === undefined || !Number.isFinite(raw) ? null : raw;
  const meets =
    value !== null && (kpi.goal === KpiGoal.ABOVE ? value > kpi.target : value < kpi.target);
  const status = value === null ? KpiStatus.NO_DATA : meets ? KpiStatus.OK : KpiStatus.BREACHED;
  return { name: kpi.name, value, target: kpi.target, goal: kpi.goal, unit: kpi.unit, status };
}
