import { Redis, type Result } from 'ioredis';
import type { Logger } from 'pino';
import {
  assertVersion,
  MemoryCache,
  type Cache,
  type CacheEntry,
  type CacheOptions,
} from './cache.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    daenaSetIfNewer(
      key: string,
      version: string,
      payload: string,
      ttlMs: string,
    ): Result<number, Context>;
  }
}

/**
 * Sets KEYS[1] to ARGV[2] unless it holds an entry of version ARGV[1] or newer; ARGV[3] is a TTL in
 * ms ('0': none). A script runs atomically, so no other write lands between its read and its write.
 * Entries are stored as "<version>|<json>" ("|<json>" when unversioned), which MGET reads back.
 */
const setIfNewerScript = `
local current = redis.call('GET', KEYS[1])
if current then
  local stored = tonumber(string.match(current, '^(%d+)|'))
  if stored and stored >= tonumber(ARGV[1]) then return 0 end
end
if ARGV[3] ~= '0' then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1`;

export interface RedisCacheOptions extends CacheOptions {
  log: Logger;
  /** A command unanswered after this long fails, and callers fall back to the source of truth. */
  commandTimeoutMs?: number;
  /** How many failed writes are kept for replay (see `repairs`). */
  maxRepairs?: number;
}

/** A cache on Redis, shared by every replica: one MGET per batch read, one pipeline per write. */
export class RedisCache<T> implements Cache<T> {
  readonly name = 'redis cache';
  private readonly redis: Redis;
  /**
   * Writes that failed (Redis unreachable while the source of truth moved on), by key; null means
   * "delete". Reads treat these keys as misses, and they are replayed once Redis answers again:
   * a versioned write may land late because it never replaces a newer one; an unversioned write
   * is replayed as a delete. Lost only if this process stops first: then the entry's TTL bounds
   * how long a stale value can be read.
   */
  private readonly repairs = new Map<string, CacheEntry<T> | null>();
  private replaying: Promise<void> | undefined;
  private readonly ttlArg: string;

  constructor(
    url: string,
    private readonly options: RedisCacheOptions,
  ) {
    this.redis = new Redis(url, {
      // Connects on the first command (the service's store connect), not at construction.
      lazyConnect: true,
      enableReadyCheck: true,
      // Like the bus's publisher: fail after a couple of reconnect attempts rather than queue.
      maxRetriesPerRequest: 2,
      // A cache slower than this is worse than none: reads then go to the source of truth.
      commandTimeout: options.commandTimeoutMs ?? 1_000,
      connectionName: 'daena-cache',
    });
    this.redis.defineCommand('daenaSetIfNewer', { numberOfKeys: 1, lua: setIfNewerScript });
    this.redis.on('error', (error: Error) =>
      options.log.warn({ err: error.message }, 'redis cache error'),
    );
    this.redis.on('ready', () => void this.replayRepairs());
    this.ttlArg = String(options.ttlMs ?? 0);
  }

  async getMany(keys: readonly string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    const raw = await this.redis.mget(keys.map((key) => this.options.prefix + key));
    return keys.map((key, index) => (this.repairs.has(key) ? undefined : decode<T>(raw[index])));
  }

  async setMany(entries: readonly CacheEntry<T>[]): Promise<void> {
    if (entries.length === 0) return;
    for (const entry of entries) assertVersion(entry.version);
    if (this.redis.status === 'ready') await this.replayRepairs();
    try {
      await this.write(entries, []);
    } catch (error) {
      for (const entry of entries) this.remember(entry.key, entry);
      throw error;
    }
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((key) => this.options.prefix + key));
    } catch (error) {
      for (const key of keys) this.remember(key, null);
      throw error;
    }
  }

  async ready(): Promise<void> {
    await this.redis.ping();
  }

  async check(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async write(entries: readonly CacheEntry<T>[], deletes: readonly string[]) {
    const pipeline = this.redis.pipeline();
    for (const { key, value, version } of entries) {
      const stored = this.options.prefix + key;
      const payload = `${version ?? ''}|${JSON.stringify(value)}`;
      if (version !== undefined) {
        pipeline.daenaSetIfNewer(stored, String(version), payload, this.ttlArg);
      } else if (this.options.ttlMs) {
        pipeline.set(stored, payload, 'PX', this.options.ttlMs);
      } else {
        pipeline.set(stored, payload);
      }
    }
    if (deletes.length > 0) pipeline.del(...deletes.map((key) => this.options.prefix + key));
    const results = await pipeline.exec();
    const failure = results?.find(([error]) => error)?.[0];
    if (failure) throw failure;
  }

  private remember(key: string, entry: CacheEntry<T> | null): void {
    const known = this.repairs.get(key);
    if (known === undefined && this.repairs.size >= (this.options.maxRepairs ?? 10_000)) {
      this.options.log.error({ key }, 'too many failed cache writes: this one may read stale');
      return;
    }
    // Keep the newest versioned write; an unversioned one can only be replayed as a delete.
    if (entry === null || entry.version === undefined) this.repairs.set(key, null);
    else if (!known || (known.version ?? -1) < entry.version) this.repairs.set(key, entry);
  }

  private replayRepairs(): Promise<void> {
    if (this.repairs.size === 0) return Promise.resolve();
    return (this.replaying ??= this.replay().finally(() => (this.replaying = undefined)));
  }

  private async replay(): Promise<void> {
    const pending = [...this.repairs];
    const sets = pending.flatMap(([, entry]) => (entry ? [entry] : []));
    const deletes = pending.flatMap(([key, entry]) => (entry ? [] : [key]));
    try {
      await this.write(sets, deletes);
    } catch (error) {
      this.options.log.warn(
        { err: error, keys: pending.length },
        'cache repair failed; will retry',
      );
      return;
    }
    for (const [key, entry] of pending) {
      if (this.repairs.get(key) === entry) this.repairs.delete(key);
    }
    this.options.log.info({ keys: pending.length }, 'replayed cache writes that had failed');
  }
}

function decode<T>(raw: string | null | undefined): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  const separator = raw.indexOf('|');
  if (separator < 0) return undefined;
  try {
    return JSON.parse(raw.slice(separator + 1)) as T;
  } catch {
    // Not ours (or corrupt): a miss, so the caller reads the source of truth.
    return undefined;
  }
}

/** Redis when a URL is given (distributed mode), an in-process LRU otherwise (embedded mode). */
export function createCache<T>(
  redisUrl: string | undefined,
  options: CacheOptions & { log: Logger },
): Cache<T> {
  return redisUrl ? new RedisCache<T>(redisUrl, options) : new MemoryCache<T>(options);
}
