import { randomUUID } from 'node:crypto';
import { silentLogger, testStores } from '@daena/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisPeerGauges } from './peer-gauges.js';

const opened: RedisPeerGauges[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((gauges) => gauges.close()));
});

function replica(key: string, clock: () => number, replicaId: string): RedisPeerGauges {
  const gauges = new RedisPeerGauges(testStores.redisUrl, {
    key,
    log: silentLogger(),
    replicaId,
    staleMs: 1_000,
    clock,
  });
  opened.push(gauges);
  return gauges;
}

describe('RedisPeerGauges (real Redis)', () => {
  it('sums the other live replicas’ gauges, never one’s own, and drops silent replicas', async () => {
    const key = `test:peer-gauges:${randomUUID()}`;
    let now = 1_000_000;
    const clock = () => now;
    const a = replica(key, clock, 'a');
    const b = replica(key, clock, 'b');
    const c = replica(key, clock, 'c');

    expect(await a.exchange(new Map([['gpt-4o', [3, 300, 1]]]))).toEqual(new Map());
    expect(
      await b.exchange(
        new Map([
          ['gpt-4o', [2, 200, 0]],
          ['mini', [5, 50, 2]],
        ]),
      ),
    ).toEqual(new Map([['gpt-4o', [3, 300, 1]]]));
    expect(await c.exchange(new Map())).toEqual(
      new Map([
        ['gpt-4o', [5, 500, 1]],
        ['mini', [5, 50, 2]],
      ]),
    );
    // A reports again, lower: the latest report replaces the earlier one.
    expect(await a.exchange(new Map([['gpt-4o', [1, 100, 0]]]))).toEqual(
      new Map([
        ['gpt-4o', [2, 200, 0]],
        ['mini', [5, 50, 2]],
      ]),
    );
    // B falls silent: past staleMs its numbers no longer count.
    now += 1_500;
    expect(await c.exchange(new Map())).toEqual(new Map());
    expect(await a.exchange(new Map([['gpt-4o', [1, 100, 0]]]))).toEqual(new Map());
  });
});
