import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Numbers per key (e.g. a model's requests, tokens and calls in flight over the last minute). */
export type Gauges = ReadonlyMap<string, readonly number[]>;

/**
 * What every replica of a service reports, summed over the others: each replica shares its own
 * gauges and reads back its peers' totals. A replica that stopped reporting drops out after
 * `staleMs`. Used for limits that hold across replicas, such as a provider's requests and tokens
 * per minute, which every replica's router must count against.
 */
export interface PeerGauges {
  /** Shares `own` and returns the element-wise sums of the other live replicas' gauges. */
  exchange(own: Gauges): Promise<Map<string, number[]>>;
  close(): Promise<void>;
}

export interface RedisPeerGaugesOptions {
  /** The Redis hash all replicas of one kind share, e.g. `daena:router:load`. */
  key: string;
  log: Logger;
  /** This replica; a random id by default. */
  replicaId?: string;
  /** A report older than this no longer counts (default 10 s). */
  staleMs?: number;
  clock?: () => number;
}

/**
 * Peer gauges in one Redis hash: a field per replica holding `{ at, gauges }`. One round trip
 * (HSET, PEXPIRE, HGETALL) per exchange; fields of replicas silent for ten times `staleMs` are
 * removed by whoever sees them.
 */
export class RedisPeerGauges implements PeerGauges {
  private readonly redis: Redis;
  readonly replicaId: string;
  private readonly staleMs: number;
  private readonly clock: () => number;

  constructor(
    url: string,
    private readonly options: RedisPeerGaugesOptions,
  ) {
    this.replicaId = options.replicaId ?? randomUUID();
    this.staleMs = options.staleMs ?? 10_000;
    this.clock = options.clock ?? Date.now;
    this.redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      // A late answer is no better than none: the caller then counts on its own.
      commandTimeout: 1_000,
      connectionName: 'daena-peer-gauges',
    });
    this.redis.on('error', (error: Error) =>
      options.log.warn({ err: error.message }, 'peer gauges: redis error'),
    );
  }

  async exchange(own: Gauges): Promise<Map<string, number[]>> {
    const now = this.clock();
    const report = JSON.stringify({ at: now, gauges: Object.fromEntries(own) });
    const replies = await this.redis
      .multi()
      .hset(this.options.key, this.replicaId, report)
      .pexpire(this.options.key, this.staleMs * 10)
      .hgetall(this.options.key)
      .exec();
    const [, all] = replies?.[2] ?? [];
    const totals = new Map<string, number[]>();
    const gone: string[] = [];
    for (const [replica, text] of Object.entries((all ?? {}) as Record<string, string>)) {
      if (replica === this.replicaId) continue;
      const peer = parseReport(text);
      if (!peer || now - peer.at > this.staleMs * 10) gone.push(replica);
      if (!peer || now - peer.at > this.staleMs) continue;
      for (const [key, values] of Object.entries(peer.gauges)) {
        const sum = totals.get(key) ?? [];
        values.forEach((value, i) => {
          sum[i] = (sum[i] ?? 0) + (Number.isFinite(value) ? value : 0);
        });
        totals.set(key, sum);
      }
    }
    if (gone.length > 0) await this.redis.hdel(this.options.key, ...gone);
    return totals;
  }

  async close(): Promise<void> {
    await this.redis.hdel(this.options.key, this.replicaId).catch(() => undefined);
    this.redis.disconnect();
  }
}

function parseReport(text: string): { at: number; gauges: Record<string, number[]> } | null {
  try {
    const parsed = JSON.parse(text) as { at?: unknown; gauges?: unknown };
    if (typeof parsed.at !== 'number' || typeof parsed.gauges !== 'object' || !parsed.gauges) {
      return null;
    }
    const gauges: Record<string, number[]> = {};
    for (const [key, values] of Object.entries(parsed.gauges as Record<string, unknown>)) {
      if (Array.isArray(values)) gauges[key] = values.map(Number);
    }
    return { at: parsed.at, gauges };
  } catch {
    return null;
  }
}
