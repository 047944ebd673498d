import { ConfigError } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { loadStackConfig, servicePorts, stackMode } from './config.js';

describe('stack configuration', () => {
  it('defaults to embedded mode on ports 4000–4004', () => {
    const config = loadStackConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(servicePorts(config.PORT)).toEqual({
      gateway: 4000,
      agents: 4001,
      decisions: 4002,
      knowledge: 4003,
      metrics: 4004,
    });
  });

  it('refuses a Redis URL that is not redis:// with one line naming the variable', () => {
    expect(() => loadStackConfig({ REDIS_URL: 'http://localhost:6379' })).toThrow(ConfigError);
    expect(() => loadStackConfig({ REDIS_URL: 'http://localhost:6379' })).toThrow(
      /^REDIS_URL: expected a URL starting with redis:\/\//,
    );
  });

  it('takes DAENA_MODE=production as production mode, running as REDIS_URL says', () => {
    const embedded = loadStackConfig({ DAENA_MODE: 'production' });
    expect(embedded.NODE_ENV).toBe('production');
    expect(stackMode(embedded)).toBe('embedded');
    const distributed = loadStackConfig({
      DAENA_MODE: 'production',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(stackMode(distributed)).toBe('distributed');
  });
});
