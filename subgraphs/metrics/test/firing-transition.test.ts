import { InProcessEventBus, type RunningService } from '@daena/platform';
import { createTestDatabase, graphql, silentLogger, type TestDatabase } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertState, AlertTransition } from '../src/alerts/domain/alert-state.js';
import { AlertRepository } from '../src/alerts/store/alert-repository.js';
import { openMetricsStore, type MetricsStore, startMetrics } from './start-metrics.js';

/*
 * Agents' sweep asks which transition started each firing alert's current firing (issue 15):
 * `Alert.firingTransitionId` answers without the alert's whole history. Histories are stored as
 * the evaluator stores them (AlertRepository), read over GraphQL from the real service.
 */
let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;
let postgres: MetricsStore;

beforeAll(async () => {
  database = await createTestDatabase('metrics_firing_transition');
  bus = new InProcessEventBus(silentLogger());
  service = await startMetrics(database.url, bus);
  await service.ready;
  postgres = await openMetricsStore(database.url);
});
afterAll(async () => {
  await postgres?.close();
  await service?.close();
  await bus?.close();
  await database?.drop();
});

const t0 = Date.parse('2026-12-01T08:00:00.000Z');

/** Stores `states` as alert `fingerprint`'s history, a minute apart; returns the stored ids. */
async function history(fingerprint: string, states: AlertState[]): Promise<string[]> {
  const transitions = states.map((to, i): AlertTransition => ({
    rule: 'FiringProbe',
    fingerprint,
    labels: { alertname: 'FiringProbe', probe: fingerprint },
    annotations: {},
    severity: 'warning',
    from: i === 0 || states[i - 1] === 'RESOLVED' ? null : (states[i - 1] ?? null),
    to,
    at: t0 + i * 60_000,
    value: 1,
  }));
  const stored = await new AlertRepository(postgres.fork()).recordTransitions(transitions);
  return stored.map((transition) => transition.id);
}

async function alertsNow(state?: AlertState) {
  const { body } = await graphql<{
    alerts: { id: string; state: string; firingTransitionId: string | null }[];
  }>(
    service.url,
    `
      query ($state: AlertState) {
        alerts(state: $state) {
          id
          state
          firingTransitionId
        }
      }
    `,
    state ? { state } : {},
  );
  expect(body.errors).toBeUndefined();
  return new Map((body.data?.alerts ?? []).map((alert) => [alert.id, alert]));
}

describe('Alert.firingTransitionId', () => {
  it('names the transition that started the current firing, not an earlier one', async () => {
    const ids = await history('f1f1f1f1f1f1f1f1', [
      'PENDING',
      'FIRING',
      'RESOLVED',
      'PENDING',
      'FIRING',
    ]);

    const firing = await alertsNow('FIRING');

    expect(firing.get('f1f1f1f1f1f1f1f1')).toEqual({
      id: 'f1f1f1f1f1f1f1f1',
      state: 'FIRING',
      firingTransitionId: ids[4],
    });
  });

  it('is null for a resolved alert and for one still pending', async () => {
    await history('e0e0e0e0e0e0e0e0', ['PENDING', 'FIRING', 'RESOLVED']);
    await history('d0d0d0d0d0d0d0d0', ['PENDING']);

    const all = await alertsNow();

    expect(all.get('e0e0e0e0e0e0e0e0')).toEqual({
      id: 'e0e0e0e0e0e0e0e0',
      state: 'RESOLVED',
      firingTransitionId: null,
    });
    expect(all.get('d0d0d0d0d0d0d0d0')?.firingTransitionId).toBeNull();
  });

  it('answers many firing alerts in one request, each with its own', async () => {
    const fingerprints = ['c1c1c1c1c1c1c1c1', 'c2c2c2c2c2c2c2c2', 'c3c3c3c3c3c3c3c3'];
    const started = new Map<string, string | undefined>();
    for (const fingerprint of fingerprints) {
      started.set(fingerprint, (await history(fingerprint, ['PENDING', 'FIRING']))[1]);
    }

    const firing = await alertsNow('FIRING');

    for (const fingerprint of fingerprints) {
      expect(firing.get(fingerprint)?.firingTransitionId).toBe(started.get(fingerprint));
    }
  });
});
