import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, env, loadConfig } from './config.js';

const schema = z.object({
  PORT: env.port(4001),
  DATABASE_URL: env.url(['postgres', 'postgresql']).optional(),
  JWT_SECRET: env.secret().optional(),
});

describe('loadConfig', () => {
  it('applies defaults when variables are unset or empty', () => {
    expect(loadConfig(schema, { PORT: '' })).toEqual({ PORT: 4001 });
  });

  it('coerces and validates values', () => {
    const config = loadConfig(schema, { PORT: '5000', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(config.PORT).toBe(5000);
    expect(config.DATABASE_URL).toBe('postgres://u@h:5432/db');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /^PORT: .*integer.*got "abc"/],
    [{ PORT: '70000' }, 'PORT', /^PORT: .*65535/],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL',
      /^DATABASE_URL: expected a URL starting with postgres:\/\//,
    ],
  ])('names the variable in one line for %j', (input, variable, message) => {
    const error = captureError(() => loadConfig(schema, input));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('never echoes secrets or passwords', () => {
    const secret = captureError(() => loadConfig(schema, { JWT_SECRET: 'short' }));
    expect(secret.message).toContain('"***"');
    expect(secret.message).not.toContain('short');
    const url = captureError(() => loadConfig(schema, { DATABASE_URL: 'mysql://me:hunter2@db/x' }));
    expect(url.message).not.toContain('hunter2');
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
