import { z } from 'zod';

/** A configuration problem: names the variable so the message fits on one line. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates `env` against a zod object schema whose keys are environment variable names and
 * returns the typed result. The first problem becomes a one-line ConfigError such as
 * `PORT: expected an integer from 1 to 65535, got "abc"`.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  // Empty strings mean "unset": `FOO= npm start` must behave like no FOO at all.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  // DAENA_MODE=production is the product's name for NODE_ENV=production (see productionMode).
  if (cleaned['DAENA_MODE'] === 'production' && 'NODE_ENV' in schema.shape) {
    if (cleaned['NODE_ENV'] !== undefined && cleaned['NODE_ENV'] !== 'production') {
      throw new ConfigError(
        'NODE_ENV',
        `NODE_ENV: DAENA_MODE=production needs NODE_ENV unset or production (got ${JSON.stringify(cleaned['NODE_ENV'])})`,
      );
    }
    cleaned['NODE_ENV'] = 'production';
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? 'config');
  const got = cleaned[variable];
  const shown =
    got === undefined ? 'it is not set' : `got ${JSON.stringify(redact(variable, got))}`;
  throw new ConfigError(variable, `${variable}: ${issue?.message ?? 'invalid'} (${shown})`);
}

function redact(variable: string, value: string): string {
  if (/SECRET|PASSWORD|KEY|TOKEN/i.test(variable)) return '***';
  return value.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

/** Reusable env fields. Each service's config.ts composes the ones it needs. */
export const env = {
  port: (fallback: number) =>
    z.coerce
      .number({ message: 'expected an integer from 1 to 65535' })
      .int('expected an integer from 1 to 65535')
      .min(1, 'expected an integer from 1 to 65535')
      .max(65535, 'expected an integer from 1 to 65535')
      .default(fallback),
  url: (protocols: string[]) =>
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    ),
  logLevel: () =>
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info')
      .describe(
        'Log level of the process: `debug` or `trace` to look into a problem, `warn` for less.',
      ),
  secret: () => z.string().min(16, 'expected at least 16 characters'),
  nodeEnv: () =>
    z
      .enum(['development', 'production', 'test'], {
        message: 'expected development, production or test',
      })
      .default('development')
      .describe(
        '`production` in production: no introspection, no suggestions, no internal error messages, no development JWT secret.',
      ),
};
