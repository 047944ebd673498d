import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A lock directory younger than this with no pid file yet is being created, not abandoned. */
const FRESH_LOCK_MS = 30_000;
const POLL_MS = 500;

/**
 * Cross-process mutex on a directory (mkdir is atomic), so parallel test workers or services do not
 * run two Maven builds into the same target/. A lock whose owner pid is dead is taken over.
 */
export async function withBuildLock<T>(
  lockDir: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!(await tryAcquire(lockDir))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockDir}`);
    await delay(POLL_MS);
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function tryAcquire(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (await isAbandoned(lockDir)) await rm(lockDir, { recursive: true, force: true });
    return false;
  }
  await writeFile(join(lockDir, 'pid'), String(process.pid));
  return true;
}

async function isAbandoned(lockDir: string): Promise<boolean> {
  const pid = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) {
    const created = await stat(lockDir).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    return Date.now() - created > FRESH_LOCK_MS;
  }
  return !isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
