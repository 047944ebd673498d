import { randomUUID } from 'node:crypto';
import { silentLogger, waitFor } from '@daena/testing';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-entry.js';
import { AuditTrail, type AuditTrailOptions } from './audit-trail.js';

function entry(operationName: string): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    subject: null,
    roles: [],
    department: null,
    clientIp: '10.0.0.1',
    operationType: 'MUTATION',
    operationName,
    documentSha256: null,
    document: null,
    outcome: 'OK',
    code: null,
    httpStatus: 200,
    durationMs: 1,
    requestId: null,
  };
}

/** A stand-in for metrics: stores batches, or fails while `down`. */
function sink() {
  const state = { down: false, attempts: 0, stored: [] as AuditEntry[], batches: 0 };
  const send = async (entries: AuditEntry[]) => {
    state.attempts++;
    if (state.down) throw new Error('metrics is down');
    state.batches++;
    state.stored.push(...entries);
  };
  return { state, send };
}

function trail(options: Partial<AuditTrailOptions> & Pick<AuditTrailOptions, 'send'>) {
  const registry = new Registry();
  const audit = new AuditTrail({
    log: silentLogger(),
    flushIntervalMs: 5,
    retry: { initialMs: 5, maxMs: 20 },
    ...options,
  });
  audit.registerMetrics(registry);
  const dropped = async (reason: string) => {
    const metric = await registry.getSingleMetric('gateway_audit_entries_dropped_total')?.get();
    return metric?.values.find((value) => value.labels['reason'] === reason)?.value ?? 0;
  };
  return { audit, dropped };
}

const names = (entries: AuditEntry[]) => entries.map((e) => e.operationName);

describe('AuditTrail', () => {
  it('sends what it records in batches, in order', async () => {
    const metrics = sink();
    const { audit } = trail({ send: metrics.send, batchSize: 2 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) audit.record(entry(name));

    await waitFor(() => expect(names(metrics.state.stored)).toEqual(['a', 'b', 'c', 'd', 'e']));
    expect(metrics.state.batches).toBe(3);
    await audit.close();
  });

  it('keeps entries while metrics is down and sends each once when it is back', async () => {
    const metrics = sink();
    metrics.state.down = true;
    const { audit } = trail({ send: metrics.send });
    audit.record(entry('a'));
    audit.record(entry('b'));
    await waitFor(() => expect(metrics.state.attempts).toBeGreaterThanOrEqual(3));
    audit.record(entry('c'));

    metrics.state.down = false;
    await waitFor(() => expect(names(metrics.state.stored)).toEqual(['a', 'b', 'c']));
    await audit.close();
  });

  it('drops the oldest entries past its bound, and counts them', async () => {
    const metrics = sink();
    metrics.state.down = true;
    const { audit, dropped } = trail({ send: metrics.send, maxBuffered: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) audit.record(entry(name));
    expect(await dropped('overflow')).toBe(2);

    metrics.state.down = false;
    await waitFor(() => expect(names(metrics.state.stored)).toEqual(['c', 'd', 'e']));
    await audit.close();
  });

  it('drops a batch metrics refuses as invalid, and goes on with the next', async () => {
    const stored: AuditEntry[] = [];
    const { audit, dropped } = trail({
      batchSize: 1,
      send: async (entries) => {
        if (entries[0]?.operationName === 'bad') throw new Error('BAD_USER_INPUT');
        stored.push(...entries);
      },
      isRetryable: (error) => !(error instanceof Error && error.message === 'BAD_USER_INPUT'),
    });
    for (const name of ['a', 'bad', 'c']) audit.record(entry(name));

    await waitFor(() => expect(names(stored)).toEqual(['a', 'c']));
    expect(await dropped('refused')).toBe(1);
    await audit.close();
  });

  it('flushes on close without waiting for its interval', async () => {
    const metrics = sink();
    const { audit } = trail({ send: metrics.send, flushIntervalMs: 3_600_000 });
    audit.record(entry('a'));
    audit.record(entry('b'));
    expect(metrics.state.stored).toEqual([]);

    await audit.close();
    expect(names(metrics.state.stored)).toEqual(['a', 'b']);
  });

  it('closes promptly when metrics is down, counting what it lost', async () => {
    const metrics = sink();
    metrics.state.down = true;
    const { audit, dropped } = trail({ send: metrics.send, flushIntervalMs: 3_600_000 });
    audit.record(entry('a'));
    audit.record(entry('b'));

    await audit.close();
    expect(await dropped('shutdown')).toBe(2);
    audit.record(entry('late'));
    expect(await dropped('closed')).toBe(1);
    expect(metrics.state.attempts).toBe(1);
  });

  it('never lets record throw, even when sending throws synchronously', async () => {
    const { audit } = trail({
      send: () => {
        throw new Error('boom');
      },
    });
    expect(() => audit.record(entry('a'))).not.toThrow();
    await audit.close();
  });
});
