import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields whose values never reach a log line, wherever they sit (to three levels deep). */
const secretFields = ['authorization', 'password', 'secret', 'apiKey', 'api_key', 'token'];
const redactedPaths = secretFields.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
  `*.*.*.${field}`,
]);

/** Structured JSON logs (pino); one child logger per service or component. */
export function createLogger(
  name: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      redact: { paths: redactedPaths, censor: '***' },
    },
    destination,
  );
}
