import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../alerts/rule-files.js';
import { parseForecastTargets } from './forecast-targets.js';

describe('forecast targets', () => {
  it("reads the repository's forecasts: cost, request rate and agent performance", () => {
    const targets = parseForecastTargets(readFileSync(ruleFiles.forecasts, 'utf8'));
    expect(targets.map((t) => [t.name, t.plan.horizonPoints, t.alert?.name ?? null])).toEqual([
      ['llm_cost_usd_per_second', 12, 'LlmCostForecastHigh'],
      ['gateway_requests_per_second', 12, null],
      ['llm_call_p95_seconds', 12, null],
    ]);
  });

  it.each([
    ['forecasts: [{ name: x, expr: up, step: 5m }]', 'MALFORMED_RULE_FILE'],
    ['forecasts: [{ name: x, expr: up, step: 5x, horizon: 1h }]', 'MALFORMED_RULE_FILE'],
    [
      'forecasts: [{ name: x, expr: "sum(up", step: 5m, horizon: 1h }]',
      'MALFORMED_RULE_EXPRESSION',
    ],
    ['forecasts: [{ name: x, expr: up, step: 1m, horizon: 1d }]', 'HORIZON_TOO_LONG'],
  ])('refuses %s with %s', (text, reason) => {
    expect(() => parseForecastTargets(text)).toThrow(expect.objectContaining({ reason }));
  });
});
