import { z } from 'zod';
import { env } from './config.js';
import { operationLimitsEnv } from './limits/operation-limits.js';
import { tokenEnv } from './token-env.js';

/** The env every subgraph reads; a service extends it with its own keys. */
export function serviceEnvSchema(defaultPort: number) {
  return z.object({
    PORT: env.port(defaultPort).describe('The port the service listens on.'),
    HOST: z
      .string()
      .default('127.0.0.1')
      .describe(
        "The address to listen on (under `npm start`, every service's, also used in the subgraph URLs); `0.0.0.0` to accept other machines.",
      ),
    REDIS_URL: env
      .url(['redis', 'rediss'])
      .optional()
      .describe(
        'Redis for the event bus, caches and rate limits, needed by separate processes and replicas. Unset: all in this process.',
      ),
    JWT_SECRET: env
      .secret()
      .optional()
      .describe(
        'HS256 secret of user tokens and of the tokens services sign for each other. Unset: a development secret, refused in production.',
      ),
    ...tokenEnv,
    LOG_LEVEL: env.logLevel(),
    NODE_ENV: env.nodeEnv(),
    /** Milliseconds one request may spend resolving fields before the rest is refused. */
    GRAPHQL_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(15_000)
      .describe(
        'Milliseconds a request may spend resolving fields before the rest is refused (`DEADLINE_EXCEEDED`).',
      ),
    ...operationLimitsEnv,
  });
}

/**
 * Production mode (NODE_ENV=production, or DAENA_MODE=production, which loadConfig turns into
 * it): no introspection, no "Did you mean" suggestions, no internal messages in errors, and the
 * development JWT secret refused.
 */
export function productionMode(config: { NODE_ENV: string }): boolean {
  return config.NODE_ENV === 'production';
}

export const postgresEnv = {
  DATABASE_URL: env
    .url(['postgres', 'postgresql'])
    .describe('The PostgreSQL database of the service (`npm start` passes its own).'),
};
