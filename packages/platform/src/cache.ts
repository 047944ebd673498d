import { LRUCache } from 'lru-cache';
import type { StoreConnector } from './service.js';

/** One cache write. */
export interface CacheEntry<T> {
  key: string;
  value: T;
  /**
   * A number that grows with every change of the source of truth for this key (a safe integer).
   * A versioned entry replaces only an absent, unversioned or older entry, so writes that arrive
   * out of order never move the cache backwards.
   */
  version?: number;
}

/**
 * A key-value cache in front of a source of truth (never the truth itself). Values travel as
 * JSON in every implementation, so a `Date` reads back as its ISO string.
 */
export interface Cache<T> {
  /** What readiness probes call it. */
  readonly name: string;
  /** Values in key order; `undefined` for a miss. */
  getMany(keys: readonly string[]): Promise<(T | undefined)[]>;
  setMany(entries: readonly CacheEntry<T>[]): Promise<void>;
  deleteMany(keys: readonly string[]): Promise<void>;
  /** Resolves once the cache answers (Redis connected). */
  ready(): Promise<void>;
  /** A cheap liveness check for /readyz. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export interface CacheOptions {
  /** Prepended to every key: one namespace per use (and per test database). */
  prefix: string;
  /** An entry expires this long after its last write; unset keeps it until evicted. */
  ttlMs?: number | undefined;
}

/** What one stored entry holds, in both implementations. */
export interface StoredEntry {
  version: number | undefined;
  json: string;
}

/** Whether a write with `version` may replace `current` (the no-regress rule of `CacheEntry`). */
export function replaces(current: StoredEntry | undefined, version: number | undefined): boolean {
  return version === undefined || current?.version === undefined || current.version < version;
}

export function assertVersion(version: number | undefined): void {
  if (version !== undefined && !(Number.isSafeInteger(version) && version >= 0)) {
    throw new RangeError(`cache versions are non-negative safe integers, got ${version}`);
  }
}

/** One process, no Redis (embedded mode): correct only while this process is the only writer. */
export class MemoryCache<T> implements Cache<T> {
  readonly name = 'in-memory cache';
  private readonly entries: LRUCache<string, StoredEntry>;

  constructor(private readonly options: CacheOptions & { maxEntries?: number }) {
    // Bounded so a long-running process never grows without limit; LRU evicts the coldest keys.
    this.entries = new LRUCache<string, StoredEntry>({
      max: options.maxEntries ?? 10_000,
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
    });
  }

  async getMany(keys: readonly string[]): Promise<(T | undefined)[]> {
    return keys.map((key) => {
      const entry = this.entries.get(this.options.prefix + key);
      return entry ? (JSON.parse(entry.json) as T) : undefined;
    });
  }

  async setMany(entries: readonly CacheEntry<T>[]): Promise<void> {
    for (const { key, value, version } of entries) {
      assertVersion(version);
      const stored = this.options.prefix + key;
      if (!replaces(this.entries.get(stored), version)) continue;
      this.entries.set(stored, { version, json: JSON.stringify(value) });
    }
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(this.options.prefix + key);
  }

  async ready(): Promise<void> {}
  async check(): Promise<void> {}
  async close(): Promise<void> {
    this.entries.clear();
  }
}

/** The cache as a store of the service that owns it: /readyz reports it, close closes it. */
export function cacheStore<T>(cache: Cache<T>): StoreConnector {
  return {
    name: cache.name,
    connect: () => cache.ready(),
    check: () => cache.check(),
    close: () => cache.close(),
  };
}
