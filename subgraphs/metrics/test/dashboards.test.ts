import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordingRules } from '../src/alerts/domain/alert-rules.js';
import { selectorsOf } from '../src/alerts/domain/promql-ast.js';
import { parsePromql } from '../src/alerts/domain/promql-parse.js';
import { ruleFiles } from '../src/alerts/rule-files.js';

interface Dashboard {
  uid: string;
  title: string;
  panels: { title: string; targets: { expr: string }[] }[];
}

const dashboards: Dashboard[] = readdirSync(ruleFiles.dashboards)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(ruleFiles.dashboards, file), 'utf8')) as Dashboard);
const panels = dashboards.flatMap((dashboard) =>
  dashboard.panels.flatMap((panel) =>
    panel.targets.map((target) => ({ dashboard: dashboard.uid, panel: panel.title, ...target })),
  ),
);

// That every metric a panel names exists is checked against real scrapes of every service
// (test/e2e/observe.e2e.test.ts); here, that the web dashboard can run the same panels.
describe('the Grafana dashboards', () => {
  it("are the seed's executive and technical dashboards", () => {
    expect(dashboards.map((dashboard) => dashboard.uid).sort()).toEqual([
      'daena-executive',
      'daena-technical',
    ]);
    expect(panels.length).toBeGreaterThan(20);
  });

  it.each(panels.map((panel) => [`${panel.dashboard}: ${panel.panel}`, panel.expr] as const))(
    '%s is a query `series` serves',
    (_title, expr) => {
      expect(selectorsOf(parsePromql(expr)).length).toBeGreaterThan(0);
    },
  );

  it('name only KPIs that are recorded', () => {
    const recorded = new Set(
      parseRecordingRules(readFileSync(ruleFiles.kpis, 'utf8')).map((rule) => rule.name),
    );
    const named = panels.flatMap((panel) =>
      selectorsOf(parsePromql(panel.expr)).map(({ selector }) => selector.metric),
    );
    const kpis = named.filter((name) => name.startsWith('daena:'));
    expect(kpis.length).toBeGreaterThan(0);
    expect(kpis.filter((name) => !recorded.has(name))).toEqual([]);
  });
});
