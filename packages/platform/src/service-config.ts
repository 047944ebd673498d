import { z } from 'zod';
import { env } from './config.js';

/** The env every subgraph reads; a service extends it with its own keys. */
export function serviceEnvSchema(defaultPort: number) {
  return z.object({
    PORT: env.port(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    REDIS_URL: env.url(['redis', 'rediss']).optional(),
    JWT_SECRET: env.secret().optional(),
    LOG_LEVEL: env.logLevel(),
    NODE_ENV: env.nodeEnv(),
  });
}

export const postgresEnv = { DATABASE_URL: env.url(['postgres', 'postgresql']) };
