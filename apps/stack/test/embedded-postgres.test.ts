import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '@daena/neo4j-launcher';
import { freePort, waitFor } from '@daena/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/embedded-postgres.js';
import { StartupError } from '../src/startup-error.js';
import { groupMembers, holdStoresInChild, processGroup } from './fixtures/hold-stores-process.js';

const log = () => {};
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratchDir(mode = 0o755): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'daena-stack-'));
  await chmod(dir, mode);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function started(handle: EmbeddedPostgresHandle): Promise<EmbeddedPostgresHandle> {
  cleanups.push(() => handle.stop());
  return handle;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('select 1 as one');
    return rows[0]?.one ?? 0;
  } finally {
    await client.end();
  }
}

const asRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL', () => {
  // Issue 12 §8: as root (CI), a checkout under /root used to fail with a stack trace.
  it('starts from a checkout under a mode-0700 directory, moving its data where postgres reaches', async () => {
    const home = await scratchDir(0o700);
    const dataDir = join(home, 'checkout', '.daena');
    const postgres = await started(
      await startEmbeddedPostgres({ dataDir, port: await freePort(), log }),
    );
    cleanups.push(() => rm(join(postgres.clusterDir, '..'), { recursive: true, force: true }));

    expect(await selectOne(postgres.url)).toBe(1);
    // Not root: postgres runs as us and reaches the directory as it is.
    expect(postgres.clusterDir).toMatch(
      asRoot ? /^\/var\/tmp\/daena-[0-9a-f]+\/postgres$/ : /\.daena\/postgres$/,
    );
  });

  it('refuses a DAENA_DATA_DIR the postgres user cannot reach with one line naming it', async () => {
    const home = await scratchDir(0o700);
    const dataDir = join(home, 'chosen');
    const attempt = startEmbeddedPostgres({
      dataDir,
      dataDirExplicit: true,
      port: await freePort(),
      log,
    });
    if (asRoot) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(
        /^DAENA_DATA_DIR=.*chosen is not reachable by the postgres user/,
      );
      expect((error as Error).message).not.toContain('\n');
    } else {
      expect(await selectOne((await started(await attempt)).url)).toBe(1);
    }
  });

  it('names the port and the variable to change when another program holds the port', async () => {
    const dataDir = await scratchDir();
    const other = await started(
      await startEmbeddedPostgres({ dataDir: join(dataDir, 'a'), port: await freePort(), log }),
    );
    const port = Number(new URL(other.url).port);
    const error = await startEmbeddedPostgres({ dataDir: join(dataDir, 'b'), port, log }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(
      `port ${port} (PostgreSQL) is in use by another program: set EMBEDDED_POSTGRES_PORT to a free port, or stop that program`,
    );
  });

  it('stops a postmaster an earlier, killed start left running and starts again', async () => {
    const dataDir = await scratchDir();
    const port = await freePort();
    const earlier = await holdStoresInChild({ dataDir, postgresPort: port });
    // Play the worst crash: the watchdog shells die too, so nothing stops the postmaster.
    const group = await processGroup(earlier.pids.postmaster);
    for (const shell of await groupMembers(group, 'sh')) process.kill(shell, 'SIGKILL');
    earlier.child.kill('SIGKILL');
    expect(await isProcessRunning(earlier.pids.postmaster)).toBe(true);

    const postgres = await started(await startEmbeddedPostgres({ dataDir, port, log }));

    expect(await selectOne(postgres.url)).toBe(1);
    expect(postgres.pid).not.toBe(earlier.pids.postmaster);
    await waitFor(async () => expect(await isProcessRunning(earlier.pids.postmaster)).toBe(false));
  });
});
