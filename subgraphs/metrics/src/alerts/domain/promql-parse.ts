import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { BadInputError } from '@daena/platform/domain';
import type {
  AggregateOp,
  ArithmeticOp,
  ComparisonOp,
  Expr,
  LabelMatcher,
  MatchOp,
  RangeExpr,
  RangeFunction,
  SelectorExpr,
} from './promql-ast.js';

/** A rule expression that is not PromQL (reason MALFORMED_RULE_EXPRESSION) or not supported. */
export class RuleExpressionError extends BadInputError {
  constructor(expression: string, problem: string, reason = 'MALFORMED_RULE_EXPRESSION') {
    super(`rule expression ${JSON.stringify(expression)}: ${problem}`, reason, { expression });
  }
}

const durationUnits: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** A PromQL duration such as `5m` or `1h30m`, in milliseconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return null;
  return parts.reduce(
    (sum, [, count, unit]) => sum + Number(count) * (durationUnits[unit ?? ''] ?? 0),
    0,
  );
}

const rangeFunctions: ReadonlySet<string> = new Set([
  'rate',
  'increase',
  'avg_over_time',
  'max_over_time',
]);
const aggregateOps: ReadonlySet<string> = new Set(['sum', 'avg', 'min', 'max', 'count']);
const binaryOps: Record<string, ArithmeticOp | ComparisonOp> = {
  Add: '+',
  Sub: '-',
  Mul: '*',
  Div: '/',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  Eql: '==',
  Neq: '!=',
};
const matchOps: Record<string, MatchOp> = {
  EqlSingle: '=',
  Neq: '!=',
  EqlRegex: '=~',
  NeqRegex: '!~',
};

/**
 * Parses a rule expression with Prometheus's own grammar (@prometheus-io/lezer-promql) into the
 * evaluator's tree. Throws RuleExpressionError on a syntax error (MALFORMED_RULE_EXPRESSION) or a
 * construct outside the supported subset (UNSUPPORTED_PROMQL).
 */
export function parsePromql(expression: string): Expr {
  if (expression.trim() === '') throw new RuleExpressionError(expression, 'it is empty');
  const tree = parser.parse(expression);
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        throw new RuleExpressionError(expression, `syntax error at offset ${node.from}`);
      }
    },
  });
  const top = tree.topNode.firstChild;
  if (!top) throw new RuleExpressionError(expression, 'it is empty');
  return new Converter(expression).expr(top);
}

class Converter {
  constructor(private readonly source: string) {}

  private text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  private unsupported(node: SyntaxNode, what = node.name): never {
    throw new RuleExpressionError(
      this.source,
      `${what} (${this.text(node)}) is not supported by the embedded evaluator`,
      'UNSUPPORTED_PROMQL',
    );
  }

  expr(node: SyntaxNode): Expr {
    switch (node.name) {
      case 'NumberDurationLiteral':
        return { kind: 'number', value: this.number(node) };
      case 'ParenExpr':
        return this.expr(this.child(node, 0));
      case 'VectorSelector':
        return this.selector(node, 0);
      case 'UnaryExpr':
        return this.unary(node);
      case 'BinaryExpr':
        return this.binary(node);
      case 'AggregateExpr':
        return this.aggregate(node);
      case 'FunctionCall':
        return this.call(node);
      default:
        return this.unsupported(node);
    }
  }

  private children(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
    return out;
  }

  private child(node: SyntaxNode, index: number): SyntaxNode {
    const found = this.children(node)[index];
    if (!found) throw new RuleExpressionError(this.source, `incomplete ${node.name}`);
    return found;
  }

  private number(node: SyntaxNode): number {
    const text = this.text(node);
    const value = /^inf$/i.test(text) ? Infinity : Number(text);
    if (Number.isNaN(value)) this.unsupported(node, 'a number literal');
    return value;
  }

  private duration(node: SyntaxNode): number {
    const ms = parseDuration(this.text(node));
    if (ms === null) this.unsupported(node, 'a computed duration');
    return ms;
  }

  private selector(node: SyntaxNode, offsetMs: number): SelectorExpr {
    const matchers: LabelMatcher[] = [];
    let metric = '';
    for (const child of this.children(node)) {
      if (child.name === 'Identifier') metric = this.text(child);
      else if (child.name === 'LabelMatchers') matchers.push(...this.matchers(child));
      else this.unsupported(child);
    }
    if (!metric) this.unsupported(node, 'a selector without a metric name');
    return { kind: 'selector', metric, matchers, offsetMs };
  }

  private matchers(node: SyntaxNode): LabelMatcher[] {
    return this.children(node).map((matcher) => {
      if (matcher.name !== 'UnquotedLabelMatcher') this.unsupported(matcher);
      const [name, op, value] = this.children(matcher);
      const matchOp = matchOps[op?.firstChild?.name ?? ''];
      if (!name || !value || !matchOp) this.unsupported(matcher);
      return { name: this.text(name), op: matchOp, value: JSON.parse(this.text(value)) as string };
    });
  }

  private range(node: SyntaxNode): RangeExpr {
    if (node.name === 'OffsetExpr') {
      const [inner, , offset] = this.children(node);
      if (!inner || inner.name !== 'MatrixSelector' || !offset) this.unsupported(node);
      return this.matrix(inner, this.duration(offset));
    }
    if (node.name !== 'MatrixSelector') this.unsupported(node, 'a function argument');
    return this.matrix(node, 0);
  }

  private matrix(node: SyntaxNode, offsetMs: number): RangeExpr {
    const [vector, duration] = this.children(node);
    if (!vector || vector.name !== 'VectorSelector' || !duration) this.unsupported(node);
    return {
      kind: 'range',
      selector: this.selector(vector, offsetMs),
      rangeMs: this.duration(duration),
    };
  }

  private unary(node: SyntaxNode): Expr {
    const [op, operand] = this.children(node);
    if (!op || !operand) this.unsupported(node);
    const inner = this.expr(operand);
    return this.text(op) === '-' ? { kind: 'negate', expr: inner } : inner;
  }

  private binary(node: SyntaxNode): Expr {
    const parts = this.children(node);
    const lhs = parts[0];
    const rhs = parts[parts.length - 1];
    const op = binaryOps[parts[1]?.name ?? ''];
    if (!lhs || !rhs || !op) return this.unsupported(node);
    let bool = false;
    let matching: { mode: 'on' | 'ignoring'; labels: string[] } | undefined;
    for (const modifier of parts.slice(2, -1)) {
      if (modifier.name === 'BoolModifier') bool = true;
      else if (modifier.name === 'MatchingModifierClause') matching = this.matching(modifier);
      else this.unsupported(modifier);
    }
    return {
      kind: 'binary',
      op,
      lhs: this.expr(lhs),
      rhs: this.expr(rhs),
      bool,
      ...(matching ? { matching } : {}),
    };
  }

  private matching(node: SyntaxNode): { mode: 'on' | 'ignoring'; labels: string[] } {
    const [keyword, labels, ...rest] = this.children(node);
    if (!keyword || !labels || rest.length > 0) this.unsupported(node, 'group_left/group_right');
    const mode = keyword.name === 'On' ? 'on' : 'ignoring';
    return { mode, labels: this.children(labels).map((label) => this.text(label)) };
  }

  private aggregate(node: SyntaxNode): Expr {
    let op = '';
    // No modifier aggregates everything into one sample: by ().
    let grouping: { mode: 'by' | 'without'; labels: string[] } = { mode: 'by', labels: [] };
    let body: SyntaxNode | undefined;
    for (const child of this.children(node)) {
      if (child.name === 'AggregateOp') op = this.text(child);
      else if (child.name === 'AggregateModifier') {
        const [keyword, labels] = this.children(child);
        if (!keyword || !labels) this.unsupported(child);
        const names = this.children(labels).map((label) => this.text(label));
        grouping = { mode: keyword.name === 'By' ? 'by' : 'without', labels: names };
      } else if (child.name === 'FunctionCallBody') body = child;
    }
    if (!aggregateOps.has(op)) return this.unsupported(node, `the aggregation ${op}`);
    const args = body ? this.children(body) : [];
    const [operand] = args;
    if (!operand || args.length !== 1) {
      return this.unsupported(node, `${op} with ${args.length} arguments`);
    }
    return { kind: 'aggregate', op: op as AggregateOp, grouping, expr: this.expr(operand) };
  }

  private call(node: SyntaxNode): Expr {
    const [identifier, body] = this.children(node);
    if (!identifier || !body) return this.unsupported(node);
    const name = this.text(identifier);
    const args = this.children(body);
    const [first, second] = args;
    if (rangeFunctions.has(name) && first && args.length === 1) {
      return { kind: 'rangeCall', fn: name as RangeFunction, range: this.range(first) };
    }
    if (name === 'histogram_quantile' && first && second && args.length === 2) {
      const phi = this.expr(first);
      if (phi.kind !== 'number') return this.unsupported(first, 'a computed quantile');
      return { kind: 'quantile', phi: phi.value, expr: this.expr(second) };
    }
    return this.unsupported(node, `the function ${name}/${args.length}`);
  }
}
