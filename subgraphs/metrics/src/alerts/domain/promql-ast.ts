/**
 * The PromQL subset the embedded evaluator understands, as a typed tree. Anything outside it is
 * refused when the rules are loaded (UNSUPPORTED_PROMQL), never at evaluation time.
 */
export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly name: string;
  readonly op: MatchOp;
  readonly value: string;
}

export interface SelectorExpr {
  readonly kind: 'selector';
  readonly metric: string;
  readonly matchers: readonly LabelMatcher[];
  readonly offsetMs: number;
}

export interface RangeExpr {
  readonly kind: 'range';
  readonly selector: SelectorExpr;
  readonly rangeMs: number;
}

export type RangeFunction = 'rate' | 'increase' | 'avg_over_time' | 'max_over_time';
export type AggregateOp = 'sum' | 'avg' | 'min' | 'max' | 'count';
export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '>' | '<' | '>=' | '<=' | '==' | '!=';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | SelectorExpr
  | { readonly kind: 'rangeCall'; readonly fn: RangeFunction; readonly range: RangeExpr }
  | { readonly kind: 'quantile'; readonly phi: number; readonly expr: Expr }
  | {
      readonly kind: 'aggregate';
      readonly op: AggregateOp;
      readonly grouping: { readonly mode: 'by' | 'without'; readonly labels: readonly string[] };
      readonly expr: Expr;
    }
  | {
      readonly kind: 'binary';
      readonly op: ArithmeticOp | ComparisonOp;
      readonly lhs: Expr;
      readonly rhs: Expr;
      readonly bool: boolean;
      readonly matching?: { readonly mode: 'on' | 'ignoring'; readonly labels: readonly string[] };
    }
  | { readonly kind: 'negate'; readonly expr: Expr };

export const comparisonOps: ReadonlySet<string> = new Set(['>', '<', '>=', '<=', '==', '!=']);

/** Every selector of an expression (with its range and offset), to know which series to load. */
export function selectorsOf(expr: Expr): { selector: SelectorExpr; rangeMs: number }[] {
  switch (expr.kind) {
    case 'number':
      return [];
    case 'selector':
      return [{ selector: expr, rangeMs: 0 }];
    case 'rangeCall':
      return [{ selector: expr.range.selector, rangeMs: expr.range.rangeMs }];
    case 'quantile':
    case 'aggregate':
    case 'negate':
      return selectorsOf(expr.expr);
    case 'binary':
      return [...selectorsOf(expr.lhs), ...selectorsOf(expr.rhs)];
  }
}
