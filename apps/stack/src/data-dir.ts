import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { UserIds } from './postgres-binaries.js';
import { StartupError } from './startup-error.js';

/** Survives reboots (unlike /tmp), is reachable by every user, and exists on Linux and macOS. */
const SHARED_ROOT = '/var/tmp';

/**
 * Where embedded PostgreSQL keeps its cluster and binaries. As root it runs as the `postgres`
 * user, who must be able to traverse every ancestor of the directory. A checkout under a
 * mode-0700 home (/root) fails that; unless the user chose the directory (DAENA_DATA_DIR), the
 * data then goes to /var/tmp/daena-<hash of the checkout's data dir>, stable across starts.
 */
export async function reachablePostgresRoot(
  dataDir: string,
  owner: UserIds | undefined,
  options: { explicit: boolean; log: (message: string) => void },
): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  if (!owner || (await canReach(dataDir, owner))) return dataDir;
  if (options.explicit) {
    throw new StartupError(
      `DAENA_DATA_DIR=${dataDir} is not reachable by the postgres user (uid ${owner.uid}), which runs PostgreSQL when started as root: choose a directory it can reach (e.g. /var/tmp/daena) or set DATABASE_URL`,
    );
  }
  const fallback = join(SHARED_ROOT, `daena-${shortHash(dataDir)}`);
  await mkdir(fallback, { recursive: true, mode: 0o755 });
  await assertOwnDirectory(fallback);
  if (!(await canReach(fallback, owner))) {
    throw new StartupError(
      `neither ${dataDir} nor ${fallback} is reachable by the postgres user (uid ${owner.uid}): set DAENA_DATA_DIR to a directory it can reach, or DATABASE_URL`,
    );
  }
  options.log(`the postgres user cannot reach ${dataDir}; PostgreSQL data goes to ${fallback}`);
  return fallback;
}

function shortHash(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 10);
}

/** Probes as that user: `test -x` on the directory needs search permission on every ancestor. */
function canReach(dir: string, owner: UserIds): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = spawn('test', ['-x', dir], { ...owner, stdio: 'ignore' });
    probe.once('error', () => resolve(false));
    probe.once('exit', (code) => resolve(code === 0));
  });
}

/** /var/tmp is world-writable: refuse a directory (or symlink) someone else planted there. */
async function assertOwnDirectory(dir: string): Promise<void> {
  const stats = await lstat(dir);
  if (!stats.isDirectory() || stats.uid !== process.getuid?.()) {
    throw new StartupError(
      `${dir} exists but is not a directory owned by this user: remove it, or set DAENA_DATA_DIR`,
    );
  }
}
