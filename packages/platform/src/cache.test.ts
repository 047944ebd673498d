import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MemoryCache, type Cache } from './cache.js';
import { RedisCache } from './redis-cache.js';

const log = pino({ level: 'silent' });
// The same default as @daena/testing's testStores (which depends on this package).
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
// One namespace per run, so parallel runs on one Redis never see each other's keys.
const prefix = `daena:test:cache:${randomUUID()}:`;
const admin = new Redis(redisUrl);
const opened: Cache<unknown>[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((cache) => cache.close()));
});
afterAll(async () => {
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

interface State {
  task: string;
  at: string;
}

const implementations: [string, (namespace: string) => Cache<State>][] = [
  ['MemoryCache', (namespace) => new MemoryCache<State>({ prefix: prefix + namespace })],
  [
    'RedisCache (real Redis)',
    (namespace) => new RedisCache<State>(redisUrl, { prefix: prefix + namespace, log }),
  ],
];

describe.each(implementations)('%s', (_name, create) => {
  const open = async () => {
    const cache = create(`${randomUUID()}:`);
    opened.push(cache as Cache<unknown>);
    await cache.ready();
    return cache;
  };

  it('reads and writes in batches, misses as undefined, values as JSON', async () => {
    const cache = await open();
    const at = new Date('2026-01-02T03:04:05.678Z');
    await cache.setMany([
      { key: 'a', value: { task: 'audit', at: at as unknown as string } },
      { key: 'b', value: { task: 'hire', at: '' }, version: 3 },
    ]);
    expect(await cache.getMany(['b', 'missing', 'a'])).toEqual([
      { task: 'hire', at: '' },
      undefined,
      { task: 'audit', at: at.toISOString() },
    ]);
    await cache.deleteMany(['a', 'missing']);
    expect(await cache.getMany(['a', 'b'])).toEqual([undefined, { task: 'hire', at: '' }]);
    expect(await cache.getMany([])).toEqual([]);
  });

  it('never goes back to an older version, whatever order the writes arrive in', async () => {
    const cache = await open();
    await cache.setMany([{ key: 'k', value: { task: 'v5', at: '' }, version: 5 }]);
    await cache.setMany([{ key: 'k', value: { task: 'v4', at: '' }, version: 4 }]);
    await cache.setMany([{ key: 'k', value: { task: 'v5 again', at: '' }, version: 5 }]);
    expect(await cache.getMany(['k'])).toEqual([{ task: 'v5', at: '' }]);

    const versions = Array.from({ length: 40 }, (_, i) => 1_763_000_000_000_000 + i);
    // Every 17th of 40 (coprime): a fixed permutation far from sorted order.
    const shuffled = versions.map((_, i) => versions[(i * 17) % versions.length] ?? 0);
    await Promise.all(
      shuffled.map((version) =>
        cache.setMany([{ key: 'race', value: { task: String(version), at: '' }, version }]),
      ),
    );
    expect(await cache.getMany(['race'])).toEqual([{ task: String(versions.at(-1)), at: '' }]);
  });

  it('refuses versions that are not safe integers', async () => {
    const cache = await open();
    await expect(
      cache.setMany([{ key: 'k', value: { task: '', at: '' }, version: 1.5 }]),
    ).rejects.toThrow(RangeError);
  });
});

describe('RedisCache specifics (real Redis)', () => {
  const open = (ttlMs?: number) => {
    const namespace = `${prefix}${randomUUID()}:`;
    const cache = new RedisCache<State>(redisUrl, { prefix: namespace, ttlMs, log });
    opened.push(cache as Cache<unknown>);
    return { cache, namespace };
  };

  it('sets the TTL on versioned and unversioned writes', async () => {
    const { cache, namespace } = open(60_000);
    await cache.setMany([
      { key: 'v', value: { task: '', at: '' }, version: 1 },
      { key: 'u', value: { task: '', at: '' } },
    ]);
    for (const key of ['v', 'u']) {
      const ttl = await admin.pttl(namespace + key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('does not trust a key whose write failed, and replays the write once Redis takes it', async () => {
    const { cache, namespace } = open();
    // A hash under the key makes the script fail with WRONGTYPE, like an unreachable Redis would.
    await admin.hset(namespace + 'broken', 'field', 'value');
    await expect(
      cache.setMany([{ key: 'broken', value: { task: 'new', at: '' }, version: 2 }]),
    ).rejects.toThrow(/WRONGTYPE/);
    expect(await cache.getMany(['broken'])).toEqual([undefined]);

    await admin.del(namespace + 'broken');
    await cache.setMany([{ key: 'other', value: { task: 'x', at: '' }, version: 1 }]);
    expect(await cache.getMany(['broken'])).toEqual([{ task: 'new', at: '' }]);
    expect(await admin.get(namespace + 'broken')).toBe('2|{"task":"new","at":""}');
  });

  it('answers readiness once connected and fails it when Redis is unreachable', async () => {
    const { cache } = open();
    await cache.ready();
    await expect(cache.check()).resolves.toBeUndefined();
    const down = new RedisCache<State>('redis://127.0.0.1:1', {
      prefix,
      log,
      commandTimeoutMs: 200,
    });
    opened.push(down as Cache<unknown>);
    await expect(down.check()).rejects.toThrow();
  });
});
