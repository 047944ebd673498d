import { z } from 'zod';

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/**
 * Rate limits, part of the gateway's env (config.ts). Each request over HTTP and each operation
 * or subscription over WebSocket counts once against its token subject and once against its
 * client IP; WebSocket connection attempts count against the IP.
 *
 * Defaults: 1,200 requests a minute per subject and 6,000 per IP (20 and 100 a second sustained)
 * are far above what one person or one agent does, low enough to stop a runaway loop. Loopback
 * clients are exempt outside production: the test suites and benchmarks send thousands of
 * requests a second from 127.0.0.1 with one token (test/bench/organization.ts measured ~4,000/s).
 */
export const rateLimitEnv = {
  /** Requests per window per token subject; 0 turns the subject limit off. */
  RATE_LIMIT_SUBJECT: count(1_200).describe(
    'Requests per window per token subject; 0 turns the subject limit off.',
  ),
  /** Requests (and WebSocket connection attempts) per window per client IP; 0 turns it off. */
  RATE_LIMIT_IP: count(6_000).describe(
    'Requests and WebSocket connection attempts per window per client IP; 0 turns it off.',
  ),
  /** The window both limits count in (fixed windows, whole seconds as Redis expiries are). */
  RATE_LIMIT_WINDOW_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(60)
    .describe('Seconds of the window both rate limits count in.'),
  /** Whether 127.0.0.0/8 and ::1 skip both limits; default: yes, except in production. */
  RATE_LIMIT_EXEMPT_LOOPBACK: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .transform((value) => value === 'true')
    .optional()
    .describe(
      'Whether clients on 127.0.0.0/8 and ::1 skip the rate limits. Unset: yes, except in production.',
    ),
  /**
   * Which proxies' X-Forwarded-For to believe for the client IP (proxy-addr/Express "trust
   * proxy" syntax: "loopback", "10.0.0.0/8, 192.168.1.1" …). Unset: the socket's peer address.
   * Behind a reverse proxy, set it, or every client counts as the proxy's one IP.
   */
  RATE_LIMIT_TRUST_PROXY: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Behind a reverse proxy: which proxies\' `X-Forwarded-For` to believe for the client IP (Express "trust proxy" syntax, e.g. `loopback`). Unset: the peer address.',
    ),
  /** Redis key prefix of the counters (REDIS_URL set): replicas sharing it share the limits. */
  RATE_LIMIT_PREFIX: z
    .string()
    .min(1)
    .default('daena:rate-limit')
    .describe('Redis key prefix of the rate-limit counters; gateways sharing it share the limits.'),
};
