import type { Point, Series } from '../src/alerts/domain/series-set.js';

/**
 * promtool's input series notation (docs: configuration/unit_testing_rules): `a+bxN` is a, a+b,
 * … a+N·b; `axN` is a repeated N+1 times; `_` and `_xN` skip; plain numbers are single values.
 */
export function expandValues(notation: string, intervalMs: number): Point[] {
  const points: Point[] = [];
  let step = 0;
  for (const token of notation.trim().split(/\s+/)) {
    const skip = /^_(?:x(\d+))?$/.exec(token);
    if (skip) {
      step += skip[1] ? Number(skip[1]) : 1;
      continue;
    }
    const run = /^(-?[\d.e+]+?)(?:([+-][\d.e]+))?x(\d+)$/.exec(token);
    if (run) {
      const [start, delta, times] = [Number(run[1]), Number(run[2] ?? 0), Number(run[3])];
      for (let i = 0; i <= times; i++) points.push([(step + i) * intervalMs, start + i * delta]);
      step += times + 1;
      continue;
    }
    const value = Number(token);
    if (Number.isNaN(value)) throw new Error(`unsupported series notation ${token}`);
    points.push([step * intervalMs, value]);
    step += 1;
  }
  return points;
}

/** `name{a="b",…}` into labels with `__name__`. */
export function parseSeriesName(text: string): Record<string, string> {
  const match = /^([A-Za-z_:][A-Za-z0-9_:]*)\s*(?:\{(.*)\})?$/.exec(text.trim());
  if (!match) throw new Error(`unsupported series ${text}`);
  const labels: Record<string, string> = { __name__: match[1] ?? '' };
  for (const [, name = '', value = ''] of (match[2] ?? '').matchAll(
    /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g,
  )) {
    labels[name] = JSON.parse(`"${value}"`) as string;
  }
  return labels;
}

export function promtoolSeries(
  input: readonly { series: string; values: string }[],
  intervalMs: number,
): Series[] {
  return input.map(({ series, values }) => ({
    labels: parseSeriesName(series),
    points: expandValues(values, intervalMs),
  }));
}
