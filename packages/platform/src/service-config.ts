import { z } from 'zod';
import { env } from './config.js';
import { operationLimitsEnv } from './limits/operation-limits.js';
import { tokenEnv } from './token-env.js';

/** The env every subgraph reads; a service extends it with its own keys. */
export function serviceEnvSchema(defaultPort: number) {
  return z.object({
    PORT: env.port(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    REDIS_URL: env.url(['redis', 'rediss']).optional(),
    JWT_SECRET: env.secret().optional(),
    ...tokenEnv,
    LOG_LEVEL: env.logLevel(),
    NODE_ENV: env.nodeEnv(),
    /** Milliseconds one request may spend resolving fields before the rest is refused. */
    GRAPHQL_DEADLINE_MS: z.coerce.number().int().min(100).default(15_000),
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

export const postgresEnv = { DATABASE_URL: env.url(['postgres', 'postgresql']) };
