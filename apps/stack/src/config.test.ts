import { ConfigError } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { loadStackConfig, servicePorts } from './config.js';

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
});
