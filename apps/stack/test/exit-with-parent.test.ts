import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '@daena/neo4j-launcher';
import { freePort, waitFor } from '@daena/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { holdStoresInChild } from './fixtures/hold-stores-process.js';

let dataDir: string;
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('embedded stores after a crash of their parent', () => {
  it('leaves no PostgreSQL, Neo4j or Redis running when the parent is killed with SIGKILL', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'daena-orphans-'));
    await chmod(dataDir, 0o755);
    const held = await holdStoresInChild({
      dataDir,
      postgresPort: await freePort(),
      neo4jPort: await freePort(),
      redisPort: await freePort(),
    });
    const pids = [held.pids.postmaster, held.pids.neo4j ?? -1, held.pids.redis ?? -1];
    for (const pid of pids) expect(await isProcessRunning(pid)).toBe(true);

    held.child.kill('SIGKILL');

    await waitFor(
      async () => {
        for (const pid of pids) expect(await isProcessRunning(pid)).toBe(false);
      },
      60_000,
      100,
    );
  }, 240_000);
});
