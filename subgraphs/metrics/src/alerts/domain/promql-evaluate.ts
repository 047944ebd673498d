import {
  comparisonOps,
  type AggregateOp,
  type ArithmeticOp,
  type ComparisonOp,
  type Expr,
  type RangeExpr,
  type SelectorExpr,
} from './promql-ast.js';
import { bucketQuantile, extrapolatedIncrease, type Bucket } from './promql-functions.js';
import {
  labelsKey,
  matchesAll,
  type Point,
  type SeriesLabels,
  type SeriesSet,
} from './series-set.js';

/** One element of an instant vector. */
export interface Sample {
  readonly labels: SeriesLabels;
  readonly value: number;
}

export type Value = { kind: 'scalar'; value: number } | { kind: 'vector'; samples: Sample[] };

/** Prometheus's default lookback: an instant selector sees a point at most this old. */
export const lookbackMs = 5 * 60_000;

/**
 * Evaluates an expression at instant `at` (ms) over already loaded series, with Prometheus 2.x
 * semantics for the supported subset (closed ranges, 5-minute lookback, one-to-one matching).
 */
export function evaluate(expr: Expr, at: number, data: SeriesSet): Value {
  switch (expr.kind) {
    case 'number':
      return { kind: 'scalar', value: expr.value };
    case 'selector':
      return { kind: 'vector', samples: instant(expr, at, data) };
    case 'rangeCall':
      return { kind: 'vector', samples: rangeCall(expr.fn, expr.range, at, data) };
    case 'quantile':
      return { kind: 'vector', samples: quantile(expr.phi, vectorOf(expr.expr, at, data)) };
    case 'aggregate':
      return {
        kind: 'vector',
        samples: aggregate(expr.op, expr.grouping, vectorOf(expr.expr, at, data)),
      };
    case 'negate': {
      const inner = evaluate(expr.expr, at, data);
      if (inner.kind === 'scalar') return { kind: 'scalar', value: -inner.value };
      return {
        kind: 'vector',
        samples: inner.samples.map((s) => ({ labels: dropName(s.labels), value: -s.value })),
      };
    }
    case 'binary':
      return binary(expr, evaluate(expr.lhs, at, data), evaluate(expr.rhs, at, data));
  }
}

function vectorOf(expr: Expr, at: number, data: SeriesSet): Sample[] {
  const value = evaluate(expr, at, data);
  return value.kind === 'vector' ? value.samples : [];
}

function dropName(labels: SeriesLabels): SeriesLabels {
  const { __name__: _name, ...rest } = labels;
  return rest;
}

/** The first index whose time is ≥ `at` (points are in time order): a binary search. */
function firstAtOrAfter(points: readonly Point[], at: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle]?.[0] ?? Infinity) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The points of `selector`'s series in [from, to], closed at both ends as in Prometheus 2.x. */
function pointsIn(selector: SelectorExpr, from: number, to: number, data: SeriesSet) {
  const series = data.get(selector.metric) ?? [];
  return series
    .filter((s) => matchesAll(s.labels, selector.matchers))
    .map((s) => ({
      labels: s.labels,
      points: s.points.slice(firstAtOrAfter(s.points, from), firstAtOrAfter(s.points, to + 1)),
    }));
}

function instant(selector: SelectorExpr, at: number, data: SeriesSet): Sample[] {
  const ref = at - selector.offsetMs;
  return pointsIn(selector, ref - lookbackMs, ref, data).flatMap(({ labels, points }) => {
    const last = points[points.length - 1];
    return last ? [{ labels, value: last[1] }] : [];
  });
}

function rangeCall(fn: string, range: RangeExpr, at: number, data: SeriesSet): Sample[] {
  const end = at - range.selector.offsetMs;
  const start = end - range.rangeMs;
  return pointsIn(range.selector, start, end, data).flatMap(({ labels, points }) => {
    const value = overTime(fn, points, start, end, range.rangeMs);
    return value === null ? [] : [{ labels: dropName(labels), value }];
  });
}

function overTime(
  fn: string,
  points: readonly Point[],
  start: number,
  end: number,
  rangeMs: number,
) {
  if (fn === 'rate' || fn === 'increase') {
    const increase = extrapolatedIncrease(points, start, end);
    if (increase === null) return null;
    return fn === 'rate' ? increase / (rangeMs / 1000) : increase;
  }
  if (points.length === 0) return null;
  const values = points.map(([, v]) => v);
  return fn === 'max_over_time'
    ? Math.max(...values)
    : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function quantile(phi: number, samples: Sample[]): Sample[] {
  const groups = new Map<string, { labels: SeriesLabels; buckets: Bucket[] }>();
  for (const sample of samples) {
    const { le, ...rest } = dropName(sample.labels);
    if (le === undefined) continue;
    const key = labelsKey(rest);
    const group = groups.get(key) ?? { labels: rest, buckets: [] };
    group.buckets.push({ upperBound: parseBound(le), count: sample.value });
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    labels: group.labels,
    value: bucketQuantile(phi, group.buckets),
  }));
}

function parseBound(le: string): number {
  return /^\+?inf$/i.test(le) ? Infinity : Number(le);
}

function aggregate(
  op: AggregateOp,
  grouping: { mode: 'by' | 'without'; labels: readonly string[] },
  samples: Sample[],
): Sample[] {
  const groups = new Map<string, { labels: SeriesLabels; values: number[] }>();
  for (const sample of samples) {
    const labels =
      grouping.mode === 'by'
        ? Object.fromEntries(
            grouping.labels.flatMap((name) => {
              const value = sample.labels[name];
              return value === undefined ? [] : [[name, value]];
            }),
          )
        : Object.fromEntries(
            Object.entries(dropName(sample.labels)).filter(
              ([name]) => !grouping.labels.includes(name),
            ),
          );
    const key = labelsKey(labels);
    const group = groups.get(key) ?? { labels, values: [] };
    group.values.push(sample.value);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ labels, values }) => ({ labels, value: reduce(op, values) }));
}

function reduce(op: AggregateOp, values: number[]): number {
  switch (op) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'count':
      return values.length;
  }
}

function apply(op: ArithmeticOp | ComparisonOp, a: number, b: number): number | boolean {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

type BinaryExpr = Extract<Expr, { kind: 'binary' }>;

function binary(expr: BinaryExpr, lhs: Value, rhs: Value): Value {
  const comparison = comparisonOps.has(expr.op);
  const combine = (a: number, b: number, kept: number): number | null => {
    const result = apply(expr.op, a, b);
    if (typeof result === 'number') return result;
    if (expr.bool) return result ? 1 : 0;
    return result ? kept : null;
  };
  // Arithmetic and `bool` comparisons make new values, which lose the metric name.
  const labelsOf = (labels: SeriesLabels) => (comparison && !expr.bool ? labels : dropName(labels));
  if (lhs.kind === 'scalar') {
    if (rhs.kind === 'scalar') {
      return { kind: 'scalar', value: Number(combine(lhs.value, rhs.value, lhs.value) ?? 0) };
    }
    return vector(rhs.samples, (s) => combine(lhs.value, s.value, s.value), labelsOf);
  }
  if (rhs.kind === 'scalar') {
    return vector(lhs.samples, (s) => combine(s.value, rhs.value, s.value), labelsOf);
  }
  return matchVectors(expr, lhs.samples, rhs.samples, combine, labelsOf);
}

function vector(
  samples: Sample[],
  valueOf: (s: Sample) => number | null,
  labelsOf: (labels: SeriesLabels) => SeriesLabels,
): Value {
  return {
    kind: 'vector',
    samples: samples.flatMap((s) => {
      const value = valueOf(s);
      return value === null ? [] : [{ labels: labelsOf(s.labels), value }];
    }),
  };
}

/** One-to-one vector matching on all labels but the name, or on()/ignoring() the listed ones. */
function matchVectors(
  expr: BinaryExpr,
  lhs: readonly Sample[],
  rhs: readonly Sample[],
  combine: (a: number, b: number, kept: number) => number | null,
  labelsOf: (labels: SeriesLabels) => SeriesLabels,
): Value {
  const signature = (labels: SeriesLabels) => {
    const base = dropName(labels);
    const { matching } = expr;
    if (!matching) return labelsKey(base);
    const kept = Object.entries(base).filter(([name]) =>
      matching.mode === 'on' ? matching.labels.includes(name) : !matching.labels.includes(name),
    );
    return labelsKey(Object.fromEntries(kept));
  };
  const right = new Map(rhs.map((s) => [signature(s.labels), s]));
  const samples = lhs.flatMap((s) => {
    const other = right.get(signature(s.labels));
    if (!other) return [];
    const value = combine(s.value, other.value, s.value);
    if (value === null) return [];
    let labels = labelsOf(s.labels);
    if (expr.matching) {
      const { mode, labels: listed } = expr.matching;
      const keep = (name: string) => (mode === 'on') === listed.includes(name);
      labels = Object.fromEntries(Object.entries(labels).filter(([name]) => keep(name)));
    }
    return [{ labels, value }];
  });
  return { kind: 'vector', samples };
}
