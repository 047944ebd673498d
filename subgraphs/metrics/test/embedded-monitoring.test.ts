import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import {
  InProcessEventBus,
  registerStoreHealth,
  type DomainEvent,
  type RunningService,
} from '@daena/platform';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  waitFor,
  type TestDatabase,
} from '@daena/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRuleFile } from '../src/alerts/domain/alert-rules.js';
import { Events, type AlertTransitioned } from '@daena/contracts';
import { AlertEvaluator } from '../src/alerts/operations/alert-evaluator.js';
import { ruleFiles } from '../src/alerts/rule-files.js';
import { monitorTick } from '../src/series/operations/monitor-tick.js';
import { openMetricsStore, type MetricsStore, startMetrics } from './start-metrics.js';

// The embedded mode end to end inside the metrics service: a real /metrics target over HTTP, a
// target that never answers, real Postgres, the repository's rule file, alerts over GraphQL.
let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;
let target: Server;
let silent: Server;
let postgres: MetricsStore;
let tick: (at: Date) => Promise<void>;
let storeUp = true;
const published: DomainEvent<AlertTransitioned>[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`),
    ),
  );
}

beforeAll(async () => {
  database = await createTestDatabase('metrics_monitoring');
  bus = new InProcessEventBus(silentLogger());
  bus.subscribe(Events.alertTransitioned, (event) => {
    published.push(event);
  });
  service = await startMetrics(database.url, bus);
  await service.ready;
  // A service's registry as startService builds it: the store gauge answers what we set.
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'agents' });
  registerStoreHealth(registry, [
    {
      name: 'postgres',
      check: () => (storeUp ? Promise.resolve() : Promise.reject(new Error('down'))),
    },
  ]);
  target = createServer((_req, res) => {
    void registry.metrics().then((text) => res.end(text));
  });
  // Accepts the connection and never answers: a hung target.
  silent = createServer(() => undefined);
  const targets = [await listen(target), await listen(silent)];
  postgres = await openMetricsStore(database.url);
  const rules = parseRuleFile(readFileSync(ruleFiles.rules, 'utf8'));
  const evaluator = new AlertEvaluator(rules, () => postgres.fork(), bus, silentLogger());
  tick = monitorTick(
    { targets, timeoutMs: 300, log: silentLogger() },
    () => postgres.fork(),
    evaluator,
  );
});
afterAll(async () => {
  await postgres?.close();
  await service?.close();
  await bus?.close();
  silent?.closeAllConnections();
  await Promise.all([target, silent].map((s) => new Promise((resolve) => s?.close(resolve))));
  await database?.drop();
});

const minute = 60_000;
const t0 = Date.parse('2026-11-24T10:00:00.000Z');
const at = (minutes: number) => new Date(t0 + minutes * minute);

interface AlertView {
  rule: string;
  state: string;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  transitions: { fromState: string | null; toState: string }[];
}

async function alerts(args: { state?: string; severity?: string }): Promise<AlertView[]> {
  const result = await graphql<{ alerts: AlertView[] }>(
    service.url,
    `
      query ($state: AlertState, $severity: AlertSeverity) {
        alerts(state: $state, severity: $severity) {
          rule
          state
          severity
          labels
          annotations
          transitions {
            fromState
            toState
          }
        }
      }
    `,
    args,
  );
  expect(result.body.errors).toBeUndefined();
  return (result.body.data?.alerts ?? []).sort((a, b) => a.rule.localeCompare(b.rule));
}

describe('embedded monitoring', () => {
  it('fires a hung target and a store failure after their `for`, and resolves the store', async () => {
    await tick(at(0));
    storeUp = false;
    expect((await alerts({ state: 'PENDING' })).map((a) => a.rule)).toEqual(['ServiceDown']);
    await tick(at(1));
    // The hung target has been down for 1m (its `for`); the store only just went down.
    expect((await alerts({ state: 'FIRING' })).map((a) => a.rule)).toEqual(['ServiceDown']);
    expect((await alerts({ state: 'PENDING' })).map((a) => a.rule)).toEqual([
      'DatabaseConnectionFailure',
    ]);

    await tick(at(2));
    const firing = await alerts({ state: 'FIRING', severity: 'CRITICAL' });
    expect(firing.map((a) => [a.rule, a.labels['store'] ?? a.labels['instance']])).toEqual([
      ['DatabaseConnectionFailure', 'postgres'],
      ['ServiceDown', new URL(`http://${firing[1]?.labels['instance']}`).host],
    ]);
    expect(firing[0]).toMatchObject({
      severity: 'CRITICAL',
      annotations: { summary: 'agents cannot reach postgres' },
      transitions: [
        { fromState: null, toState: 'PENDING' },
        { fromState: 'PENDING', toState: 'FIRING' },
      ],
    });
    expect(await alerts({ severity: 'WARNING' })).toEqual([]);

    storeUp = true;
    await tick(at(3));
    expect((await alerts({ state: 'RESOLVED' })).map((a) => a.rule)).toEqual([
      'DatabaseConnectionFailure',
    ]);
    await waitFor(() =>
      expect(
        published
          .filter((event) => event.data.rule === 'DatabaseConnectionFailure')
          .map((event) => event.data.state),
      ).toEqual(['pending', 'firing', 'resolved']),
    );
  });

  it('serves the twin of alertUpdates for a published transition', async () => {
    const firing = published.find((event) => event.data.state === 'firing');
    const result = await graphql<{
      alertUpdate: { transition: { toState: string }; alert: { rule: string } } | null;
    }>(
      service.url,
      `
        query ($id: ID!, $state: AlertState) {
          alertUpdate(transitionId: $id, state: $state) {
            transition {
              toState
            }
            alert {
              rule
            }
          }
        }
      `,
      { id: firing?.data.transitionId, state: 'FIRING' },
    );
    expect(result.body.data?.alertUpdate).toEqual({
      transition: { toState: 'FIRING' },
      alert: { rule: firing?.data.rule },
    });
    const other = await graphql<{ alertUpdate: unknown }>(
      service.url,
      `
        query ($id: ID!) {
          alertUpdate(transitionId: $id, state: RESOLVED) {
            alert {
              rule
            }
          }
        }
      `,
      { id: firing?.data.transitionId },
    );
    expect(other.body.data?.alertUpdate).toBeNull();
  });

  it('refuses an out-of-range limit with a typed error', async () => {
    const result = await graphql(service.url, '{ alerts(limit: 0) { rule } }');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'LIMIT_OUT_OF_RANGE',
    });
  });
});
