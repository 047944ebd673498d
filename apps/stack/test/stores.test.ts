import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, testStores } from '@daena/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStackConfig, servicePorts } from '../src/config.js';
import { isPortFree } from '../src/port-check.js';
import { silentReporter } from '../src/progress.js';
import { stackServiceEnv, startStores, stopAll } from '../src/stores.js';

let dataDir: string;
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('the stores of distributed mode', () => {
  // Issue 21: `DAENA_MODE=distributed npm start` with no REDIS_URL runs on an embedded Redis.
  it('start an embedded Redis when REDIS_URL is unset and hand it to every service', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'daena-stores-'));
    await chmod(dataDir, 0o755);
    const redisPort = await freePort();
    const config = loadStackConfig({
      DAENA_MODE: 'distributed',
      DAENA_DATA_DIR: dataDir,
      DATABASE_URL: testStores.postgresUrl,
      NEO4J_URI: 'bolt://127.0.0.1:7687', // configured, so not started: this test is about Redis
      EMBEDDED_REDIS_PORT: String(redisPort),
    });
    const stoppers: (() => Promise<void>)[] = [];

    const stores = await startStores(config, silentReporter, stoppers, { needsRedis: true });
    const env = stackServiceEnv(config, servicePorts(config.PORT), stores);

    expect(env['REDIS_URL']).toBe(`redis://127.0.0.1:${redisPort}`);
    expect(await isPortFree(redisPort)).toBe(false);
    await stopAll(stoppers)();
    expect(await isPortFree(redisPort)).toBe(true);
  });
});
