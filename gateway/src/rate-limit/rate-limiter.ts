import { Redis } from 'ioredis';
import type { Logger, StoreConnector } from '@daena/platform';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitVerdict } from './rate-limited-error.js';

export interface RateLimiterOptions {
  /** Per window; 0 turns that limit off. */
  perSubject: number;
  perIp: number;
  windowSec: number;
  /** Counters in Redis (shared by gateway replicas) when set, else in this process. */
  redisUrl?: string | undefined;
  /** Redis key prefix, so deployments (and tests) sharing a Redis keep their own counters. */
  keyPrefix: string;
  log: Logger;
}

/** Who is asking: the client address and, with a valid token, its subject. */
export interface Caller {
  ip: string;
  subject: string | null;
}

export interface RateLimiter {
  /** Counts one request; the verdict of the first limit it exceeds, or null when allowed. */
  consume(caller: Caller): Promise<RateLimitVerdict | null>;
  /** Counts one connection attempt against the caller's IP only. */
  consumeIp(ip: string): Promise<RateLimitVerdict | null>;
  /** The Redis connection, for the service's stores (connected before /graphql serves). */
  store?: StoreConnector;
}

/**
 * Fixed-window counters per subject and per IP (rate-limiter-flexible). With Redis, a Redis that
 * is down falls back to counting in this process (the insurance limiter) rather than refusing
 * everyone or letting everyone through.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { log } = options;
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        // Fail fast while disconnected: the insurance limiter answers instead of a queue.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: true,
      })
    : undefined;
  redis?.on('error', (error: Error) =>
    log.warn({ err: error.message }, 'rate limit counters: Redis unavailable, counting locally'),
  );
  const counter = (scope: 'subject' | 'ip', points: number): RateLimiterAbstract | undefined => {
    if (points === 0) return undefined;
    const base = {
      points,
      duration: options.windowSec,
      keyPrefix: `${options.keyPrefix}:${scope}`,
    };
    if (!redis) return new RateLimiterMemory(base);
    return new RateLimiterRedis({
      ...base,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(base),
    });
  };
  const bySubject = counter('subject', options.perSubject);
  const byIp = counter('ip', options.perIp);

  const consumeIp = (ip: string) => take(byIp, 'ip', ip);
  return {
    consumeIp,
    async consume(caller) {
      const ipVerdict = await consumeIp(caller.ip);
      if (ipVerdict || caller.subject === null) return ipVerdict;
      return take(bySubject, 'subject', caller.subject);
    },
    ...(redis ? { store: redisStore(redis) } : {}),
  };
}

function redisStore(redis: Redis): StoreConnector {
  return {
    name: 'rate-limit-redis',
    // The first attempt connects; ioredis reconnects by itself after that, so later attempts
    // (retried with backoff by startService) only ask whether it is back.
    connect: async () => {
      if (redis.status === 'wait') await redis.connect();
      else await redis.ping();
    },
    check: async () => {
      await redis.ping();
    },
    close: async () => redis.disconnect(),
  };
}

async function take(
  limiter: RateLimiterAbstract | undefined,
  scope: RateLimitVerdict['scope'],
  key: string,
): Promise<RateLimitVerdict | null> {
  if (!limiter) return null;
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, an Error when
    // both the store and the insurance limiter failed: then the request goes through.
    if (!(rejection instanceof RateLimiterRes)) return null;
    return {
      scope,
      limit: limiter.points,
      remaining: Math.max(0, rejection.remainingPoints),
      retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
    };
  }
}
