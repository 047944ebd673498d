import type { LabelMatcher } from './promql-ast.js';

/** Label names and values of one series; `__name__` holds the metric name. */
export type SeriesLabels = Readonly<Record<string, string>>;

/** One point: milliseconds since the epoch and the value. */
export type Point = readonly [at: number, value: number];

/** One series with its points in time order. */
export interface Series {
  readonly labels: SeriesLabels;
  readonly points: readonly Point[];
}

/** The series an evaluation may read, by metric name (already loaded: evaluation does no I/O). */
export type SeriesSet = ReadonlyMap<string, readonly Series[]>;

/** Builds a SeriesSet from any list of series. */
export function seriesSet(all: Iterable<Series>): SeriesSet {
  const byName = new Map<string, Series[]>();
  for (const series of all) {
    const name = series.labels.__name__ ?? '';
    byName.set(name, [...(byName.get(name) ?? []), series]);
  }
  return byName;
}

const anchored = new Map<string, RegExp>();

/** PromQL regexes are fully anchored; compiled once per pattern. */
function regexOf(pattern: string): RegExp {
  let regex = anchored.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    anchored.set(pattern, regex);
  }
  return regex;
}

/** Whether the series' labels pass every matcher (a missing label is the empty string). */
export function matchesAll(labels: SeriesLabels, matchers: readonly LabelMatcher[]): boolean {
  return matchers.every((matcher) => {
    const value = labels[matcher.name] ?? '';
    switch (matcher.op) {
      case '=':
        return value === matcher.value;
      case '!=':
        return value !== matcher.value;
      case '=~':
        return regexOf(matcher.value).test(value);
      case '!~':
        return !regexOf(matcher.value).test(value);
    }
  });
}

/** A stable key of a label set (sorted names), for grouping and matching. */
export function labelsKey(labels: SeriesLabels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((name) => [name, labels[name]]),
  );
}
