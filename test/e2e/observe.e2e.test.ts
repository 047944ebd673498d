import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePromql, ruleFiles, selectorsOf } from '@daena/metrics';
import { createMetricsRegistry } from '@daena/platform';
import {
  createTestDatabase,
  freePort,
  freePortRange,
  graphql,
  testJwtSecret,
  waitFor,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe, waitForSubscribers } from '../src/live.js';

interface AlertUpdateView {
  transition: { fromState: string | null; toState: string };
  alert: { rule: string; state: string; labels: Record<string, string> };
}

// `npm start` (every service) and `npm run observe` (Debian's Prometheus and Alertmanager with
// the repository's configuration), as a user runs them, plus one probe service the test stops.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const services = ['gateway', 'agents', 'decisions', 'knowledge', 'metrics'];
let database: TestDatabase;
let dataDir: string;
let stack: ChildProcess;
let observe: ChildProcess;
let probe: Server;
let probeTarget: string;
let base: number;
let prometheus: string;
let alertmanager: string;
let gatewayUrl: string;

function run(script: string, env: Record<string, string | undefined>, ready: RegExp) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', '@daena/platform/register', script],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve(match[1] ?? match[0]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return { child, started };
}

function stop(child: ChildProcess | undefined): Promise<unknown> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  return exited;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.ok, url).toBe(true);
  return (await response.json()) as T;
}

beforeAll(async () => {
  database = await createTestDatabase('observe');
  dataDir = await mkdtemp(join(tmpdir(), 'daena-observe-'));
  base = await freePortRange(5);
  const targets = services.map((_, i) => `127.0.0.1:${base + i}`);
  // A service of our own (a platform registry on /metrics) that the test takes down.
  const registry = createMetricsRegistry('probe');
  probe = createServer((_req, res) => {
    void registry.metrics().then((text) => res.end(text));
  });
  const probePort = await freePort();
  await new Promise<void>((resolve) => probe.listen(probePort, '127.0.0.1', resolve));
  probeTarget = `127.0.0.1:${probePort}`;
  const { REDIS_URL: _redis, NEO4J_URI: _neo4j, ...inherited } = process.env;
  const started = run(
    'apps/stack/src/cli.ts',
    {
      ...inherited,
      PORT: String(base),
      DATABASE_URL: database.url,
      DAENA_DATA_DIR: dataDir,
      EMBEDDED_NEO4J_PORT: String(await freePort()),
      JWT_SECRET: testJwtSecret,
      LOG_LEVEL: 'warn',
      // The metrics subgraph's embedded evaluator watches the same services, every second.
      METRICS_SCRAPE_TARGETS: [...targets, probeTarget]
        .map((target) => `http://${target}/metrics`)
        .join(','),
      METRICS_SCRAPE_INTERVAL_SECONDS: '1',
    },
    /Ready: (\S+)/,
  );
  stack = started.child;
  gatewayUrl = (await started.started).replace('localhost', '127.0.0.1');
  const [prometheusPort, alertmanagerPort] = [await freePort(), await freePort()];
  prometheus = `http://127.0.0.1:${prometheusPort}`;
  alertmanager = `http://127.0.0.1:${alertmanagerPort}`;
  const observed = run(
    'scripts/observe.ts',
    {
      ...process.env,
      OBSERVE_TARGETS: [...targets, probeTarget].join(','),
      OBSERVE_SCRAPE_INTERVAL: '1s',
      PROMETHEUS_PORT: String(prometheusPort),
      ALERTMANAGER_PORT: String(alertmanagerPort),
      OBSERVE_DIR: join(dataDir, 'observe'),
    },
    /Observing: /,
  );
  observe = observed.child;
  await observed.started;
});

afterAll(async () => {
  await stop(observe);
  await stop(stack);
  await new Promise((resolve) => (probe?.listening ? probe.close(resolve) : resolve(undefined)));
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Targets {
  data: { activeTargets: { scrapeUrl: string; health: string }[] };
}

describe('npm run observe: a real Prometheus and Alertmanager on the running platform', () => {
  it('scrapes every service', async () => {
    await waitFor(async () => {
      const { data } = await json<Targets>(`${prometheus}/api/v1/targets`);
      const up = data.activeTargets.filter((target) => target.health === 'up');
      expect(up.map((target) => new URL(target.scrapeUrl).port).sort()).toEqual(
        [...services.map((_, i) => String(base + i)), new URL(`http://${probeTarget}`).port].sort(),
      );
    }, 60_000);
    const query = encodeURIComponent('count by (service) (process_resident_memory_bytes)');
    await waitFor(async () => {
      const result = await json<{ data: { result: { metric: { service: string } }[] } }>(
        `${prometheus}/api/v1/query?query=${query}`,
      );
      expect(result.data.result.map((r) => r.metric.service).sort()).toEqual(
        [...services, 'probe'].sort(),
      );
    }, 30_000);
  });

  it("finds every metric a dashboard panel names in some service's /metrics", async () => {
    const exposed = new Set(['up']);
    for (const [i] of services.entries()) {
      const text = await (await fetch(`http://127.0.0.1:${base + i}/metrics`)).text();
      for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
        exposed.add(name ?? '');
        if (type === 'histogram')
          for (const end of ['_bucket', '_sum', '_count']) exposed.add(`${name}${end}`);
      }
    }
    const { data } = await json<{
      data: { groups: { rules: { name: string; type: string }[] }[] };
    }>(`${prometheus}/api/v1/rules`);
    for (const rule of data.groups.flatMap((group) => group.rules)) {
      if (rule.type === 'recording') exposed.add(rule.name);
    }
    const files = (await readdir(ruleFiles.dashboards)).filter((file) => file.endsWith('.json'));
    const missing: string[] = [];
    for (const file of files) {
      const dashboard = JSON.parse(await readFile(join(ruleFiles.dashboards, file), 'utf8')) as {
        panels: { title: string; targets: { expr: string }[] }[];
      };
      for (const panel of dashboard.panels) {
        for (const { expr } of panel.targets) {
          for (const { selector } of selectorsOf(parsePromql(expr))) {
            if (!exposed.has(selector.metric))
              missing.push(`${file} ${panel.title}: ${selector.metric}`);
          }
        }
      }
    }
    expect(files).toHaveLength(2);
    expect(missing).toEqual([]);
  });

  it('pages Alertmanager and the API alike when a service stops answering', async () => {
    const updates = subscribe<{ alertUpdates: AlertUpdateView }>(
      gatewayUrl.replace(/^http/, 'ws'),
      `subscription { alertUpdates(severity: CRITICAL) {
        transition { fromState toState } alert { rule state labels }
      } }`,
      {},
    );
    try {
      await waitForSubscribers(gatewayUrl, 1);
      // A scrape of the probe that failed under load before we subscribed would have begun an
      // episode whose PENDING this subscriber never sees: start from none active for it.
      await waitFor(async () => {
        const { body } = await graphql<{
          alerts: { state: string; labels: Record<string, string> }[];
        }>(gatewayUrl, '{ alerts(severity: CRITICAL) { state labels } }');
        const active = (body.data?.alerts ?? []).filter(
          (a) => a.labels['instance'] === probeTarget && a.state !== 'RESOLVED',
        );
        expect(body.errors).toBeUndefined();
        expect(active).toEqual([]);
      }, 30_000);
      await new Promise((resolve) => probe.close(resolve));
      probe.closeAllConnections();
      // up == 0 for 1m (ServiceDown's `for`): Prometheus sends it to Alertmanager, and the
      // metrics subgraph's evaluator stores it and publishes it to alertUpdates.
      const alert = await waitFor(
        async () => {
          const alerts = await json<
            { labels: Record<string, string>; status: { state: string } }[]
          >(`${alertmanager}/api/v2/alerts`);
          const found = alerts.find(
            (a) => a.labels['alertname'] === 'ServiceDown' && a.labels['instance'] === probeTarget,
          );
          if (!found) throw new Error('not yet');
          return found;
        },
        150_000,
        1_000,
      );
      expect(alert.labels).toMatchObject({ severity: 'critical', job: 'daena' });
      expect(alert.status.state).toBe('active');
      const seen: AlertUpdateView[] = [];
      while (!seen.some((update) => update.transition.toState === 'FIRING')) {
        const { alertUpdates } = await updates.next();
        if (alertUpdates.alert.labels['instance'] !== probeTarget) continue;
        // The end of such an earlier episode may still be on its way; this one starts after it.
        if (alertUpdates.transition.toState === 'RESOLVED') seen.length = 0;
        else seen.push(alertUpdates);
      }
      expect(seen.map((update) => update.transition.toState)).toEqual(['PENDING', 'FIRING']);
      expect(seen[1]?.alert).toMatchObject({ rule: 'ServiceDown', state: 'FIRING' });
      const { body } = await graphql<{
        alerts: { rule: string; labels: Record<string, string> }[];
      }>(gatewayUrl, '{ alerts(state: FIRING, severity: CRITICAL) { rule labels } }');
      expect(body.data?.alerts).toContainEqual({
        rule: 'ServiceDown',
        labels: expect.objectContaining({ instance: probeTarget, alertname: 'ServiceDown' }),
      });
    } finally {
      await updates.close();
    }
  }, 200_000);
});
