import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/alerts/rule-files.js';

/** Runs promtool, failing with the install hint when it is missing (.ci/run installs it). */
function tool(binary: string, hint: string, args: string[]) {
  const run = spawnSync(binary, args, { encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${binary} is not installed: \`apt-get install ${hint}\` (Debian) puts it on PATH; ` +
        'the monitoring configuration cannot be checked without it',
    );
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const promtool = (...args: string[]) => tool('promtool', 'prometheus', args);

describe('the alert rules under promtool', () => {
  it('pass `promtool check rules`', () => {
    const { status, output } = promtool('check', 'rules', ruleFiles.rules);
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
    expect(status, output).toBe(0);
  });

  it('pass their unit tests (`promtool test rules`)', () => {
    const { status, output } = promtool('test', 'rules', ruleFiles.tests);
    expect(status, output).toBe(0);
    expect(output).toContain('SUCCESS');
  });

  it("accept the repository's prometheus.yml and alertmanager.yml", () => {
    const prometheus = promtool('check', 'config', ruleFiles.prometheusConfig);
    expect(prometheus.status, prometheus.output).toBe(0);
    const alertmanager = tool('amtool', 'prometheus-alertmanager', [
      'check-config',
      ruleFiles.alertmanagerConfig,
    ]);
    expect(alertmanager.status, alertmanager.output).toBe(0);
    expect(alertmanager.output).toContain('SUCCESS');
  });
});
