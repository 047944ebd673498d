import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '@daena/neo4j-launcher';
import { startEmbeddedPostgres, startEmbeddedRedis } from '@daena/stack/embedded-stores';
import { freePort } from '@daena/testing';

/** Named after the run's pid, so a later run can tell a killed run's data from a live one's. */
const SCRATCH_PREFIX = 'daena-test-stores-';

export interface TestStores {
  /** TEST_DATABASE_URL and TEST_REDIS_URL, the configured ones or those of the stores started. */
  env: { TEST_DATABASE_URL: string; TEST_REDIS_URL: string };
  /** Stops what was started and removes its data; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The stores the suites share: the ones TEST_DATABASE_URL / TEST_REDIS_URL name (CI points them at
 * its services), else one embedded PostgreSQL and one embedded Redis for the whole run, on free
 * ports, with throwaway data. Both die with this process even if it is killed (their watchdogs).
 */
export async function startTestStores(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<TestStores> {
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch(() => {});
  };
  try {
    let databaseUrl = env['TEST_DATABASE_URL'];
    let redisUrl = env['TEST_REDIS_URL'];
    if (!databaseUrl || !redisUrl) {
      await removeScratchOfEndedRuns();
      const scratch = join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}`);
      await rm(scratch, { recursive: true, force: true });
      // As root PostgreSQL runs as the postgres user, who must reach its data.
      await mkdir(scratch);
      await chmod(scratch, 0o755); // not left to the umask
      stoppers.push(() => rm(scratch, { recursive: true, force: true }));
      if (!databaseUrl) {
        const postgres = await startEmbeddedPostgres({
          dataDir: join(scratch, 'postgres'),
          dataDirExplicit: true,
          port: await freePort(),
          log: (message) => log(`  postgres: ${message}`),
        });
        stoppers.push(() => postgres.stop());
        databaseUrl = postgres.url;
        log(
          `PostgreSQL: embedded for this run at ${new URL(databaseUrl).host} (TEST_DATABASE_URL is unset)`,
        );
      }
      if (!redisUrl) {
        const redis = await startEmbeddedRedis({
          dataDir: join(scratch, 'redis'),
          port: await freePort(),
          log: (message) => log(`  redis: ${message}`),
        });
        stoppers.push(() => redis.stop());
        redisUrl = redis.url;
        log(`Redis: embedded for this run at ${new URL(redisUrl).host} (TEST_REDIS_URL is unset)`);
      }
    }
    return { env: { TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A run killed with SIGKILL cannot remove its data (its stores stopped with it): the next does. */
async function removeScratchOfEndedRuns(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    const pid = Number(name.slice(SCRATCH_PREFIX.length));
    if (!name.startsWith(SCRATCH_PREFIX) || !Number.isInteger(pid)) continue;
    if (!(await isProcessRunning(pid)))
      await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
}
