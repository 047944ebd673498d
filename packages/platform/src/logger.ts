import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino); one child logger per service or component. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: { paths: ['*.authorization', '*.password', '*.secret', '*.apiKey'], censor: '***' },
  });
}
