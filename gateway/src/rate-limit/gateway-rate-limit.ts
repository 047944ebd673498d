import type { IncomingMessage } from 'node:http';
import {
  productionMode,
  type Logger,
  type Principal,
  type ServiceDefinition,
  type StoreConnector,
} from '@daena/platform';
import type { GraphQLError } from 'graphql';
import type { GatewayConfig } from '../config.js';
import { clientAddress, isLoopback } from './client-address.js';
import { rateLimitedBody, rateLimitedError, type RateLimitVerdict } from './rate-limited-error.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

type App = Parameters<NonNullable<ServiceDefinition<object>['configure']>>[0];

/** A refusal of a WebSocket upgrade, answered as plain HTTP before the socket opens. */
export interface UpgradeRefusal {
  status: number;
  message: string;
  headers: Record<string, string>;
}

export interface GatewayRateLimit {
  /** Express middleware on /graphql: 429 + Retry-After + RATE_LIMITED over the limit. */
  mount(app: App, principalOf: (request: IncomingMessage) => Promise<Principal>): void;
  /** A WebSocket connection attempt, against the IP limit. */
  admitConnection(request: IncomingMessage): Promise<UpgradeRefusal | null>;
  /** One operation or subscription on a socket; a RATE_LIMITED error over the limit. */
  admitOperation(request: IncomingMessage, principal: Principal): Promise<GraphQLError | null>;
  /** The counters' Redis connection when REDIS_URL is set. */
  stores: StoreConnector[];
}

/** The gateway's rate limits from its config; undefined when both limits are off. */
export function gatewayRateLimit(config: GatewayConfig, log: Logger): GatewayRateLimit | undefined {
  if (config.RATE_LIMIT_SUBJECT === 0 && config.RATE_LIMIT_IP === 0) return undefined;
  const limiter: RateLimiter = createRateLimiter({
    perSubject: config.RATE_LIMIT_SUBJECT,
    perIp: config.RATE_LIMIT_IP,
    windowSec: config.RATE_LIMIT_WINDOW_SEC,
    redisUrl: config.REDIS_URL,
    keyPrefix: config.RATE_LIMIT_PREFIX,
    log,
  });
  const exemptLoopback = config.RATE_LIMIT_EXEMPT_LOOPBACK ?? !productionMode(config);
  const addressOf = clientAddress(config.RATE_LIMIT_TRUST_PROXY);
  const exempt = (ip: string) => exemptLoopback && isLoopback(ip);
  log.info(
    {
      perSubject: config.RATE_LIMIT_SUBJECT,
      perIp: config.RATE_LIMIT_IP,
      windowSec: config.RATE_LIMIT_WINDOW_SEC,
      store: config.REDIS_URL ? 'redis' : 'memory',
      exemptLoopback,
    },
    'rate limits',
  );
  const refused = (verdict: RateLimitVerdict, ip: string, subject: string | null) => {
    log.info({ ...verdict, ip, subject }, 'rate limited');
    return verdict;
  };

  return {
    mount(app, principalOf) {
      app.use('/graphql', (req, res, next) => {
        const ip = addressOf(req);
        if (exempt(ip)) return next();
        // An invalid token counts against the IP only; the GraphQL context refuses it after.
        const subject = principalOf(req).then(
          (principal) => principal.sub,
          () => null,
        );
        subject
          .then(async (sub) => {
            const verdict = await limiter.consume({ ip, subject: sub });
            if (!verdict) return next();
            refused(verdict, ip, sub);
            res
              .status(429)
              .set('Retry-After', String(verdict.retryAfter))
              .json(rateLimitedBody(verdict));
          })
          .catch(next);
      });
    },
    async admitConnection(request) {
      const ip = addressOf(request);
      if (exempt(ip)) return null;
      const verdict = await limiter.consumeIp(ip);
      if (!verdict) return null;
      refused(verdict, ip, null);
      return {
        status: 429,
        message: 'Too Many Requests',
        headers: { 'Retry-After': String(verdict.retryAfter) },
      };
    },
    async admitOperation(request, principal) {
      const ip = addressOf(request);
      if (exempt(ip)) return null;
      const verdict = await limiter.consume({ ip, subject: principal.sub });
      return verdict ? rateLimitedError(refused(verdict, ip, principal.sub)) : null;
    },
    stores: limiter.store ? [limiter.store] : [],
  };
}
