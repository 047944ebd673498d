import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './alert-rules.js';
import { parseDuration, parsePromql, RuleExpressionError } from './promql-parse.js';

describe('parsePromql', () => {
  it('reads selectors, ranges, offsets, aggregations and operators', () => {
    expect(parsePromql('sum by (le) (rate(x_bucket{a="b",c=~"d|e"}[5m] offset 1h)) > 2')).toEqual({
      kind: 'binary',
      op: '>',
      bool: false,
      lhs: {
        kind: 'aggregate',
        op: 'sum',
        grouping: { mode: 'by', labels: ['le'] },
        expr: {
          kind: 'rangeCall',
          fn: 'rate',
          range: {
            kind: 'range',
            rangeMs: 300_000,
            selector: {
              kind: 'selector',
              metric: 'x_bucket',
              offsetMs: 3_600_000,
              matchers: [
                { name: 'a', op: '=', value: 'b' },
                { name: 'c', op: '=~', value: 'd|e' },
              ],
            },
          },
        },
      },
      rhs: { kind: 'number', value: 2 },
    });
  });

  it.each([
    ['sum(rate(x[5m]', 'MALFORMED_RULE_EXPRESSION'],
    ['foo{', 'MALFORMED_RULE_EXPRESSION'],
    ['', 'MALFORMED_RULE_EXPRESSION'],
    ['topk(3, x)', 'UNSUPPORTED_PROMQL'],
    ['a / on(x) group_left b', 'UNSUPPORTED_PROMQL'],
    ['rate(x[5m:1m])', 'UNSUPPORTED_PROMQL'],
    ['absent(x)', 'UNSUPPORTED_PROMQL'],
    ['a and b', 'UNSUPPORTED_PROMQL'],
  ])('refuses %j with %s', (expression, reason) => {
    const error = (() => {
      try {
        parsePromql(expression);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RuleExpressionError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });
});

describe('parseDuration', () => {
  it.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1d', 86_400_000],
    ['5', null],
    ['m5', null],
    ['1h 5m', null],
  ])('%s is %s ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
});

describe('parseRuleFile', () => {
  const file = (rule: string) => `groups:\n  - name: g\n    rules:\n${rule}`;

  it('loads an alerting rule with its for, severity and annotations', () => {
    const [rule] = parseRuleFile(
      file(
        '      - alert: Down\n        expr: up == 0\n        for: 2m\n        labels: { severity: critical }\n        annotations: { summary: x }\n',
      ),
    );
    expect(rule).toMatchObject({ name: 'Down', forMs: 120_000, severity: 'critical', group: 'g' });
  });

  it.each([
    ['not: [yaml', 'MALFORMED_RULE_FILE'],
    [
      file('      - alert: Down\n        expr: up ==\n        labels: { severity: critical }\n'),
      'MALFORMED_RULE_EXPRESSION',
    ],
    [file('      - alert: Down\n        expr: up == 0\n'), 'MALFORMED_RULE_FILE'],
    [
      file(
        '      - alert: Down\n        expr: up == 0\n        for: soon\n        labels: { severity: critical }\n',
      ),
      'MALFORMED_RULE_EXPRESSION',
    ],
  ])('refuses a bad file (%#) with %s', (text, reason) => {
    expect(() => parseRuleFile(text)).toThrow(expect.objectContaining({ reason }));
  });
});
