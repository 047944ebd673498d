import { mkdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopLeftoverProcess } from '@daena/neo4j-launcher';
import { retryWithBackoff } from '@daena/platform';
import { spawnWithParentWatch } from './exit-with-parent.js';
import { isPortFree } from './port-check.js';
import { ensureRedisServer } from './redis-binary.js';
import { PortInUseError } from './startup-error.js';
import { untilStarted } from './until-started.js';

export interface EmbeddedRedisHandle {
  url: string;
  /** The redis-server's pid. */
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  /** Holds the pid file (so a later start can stop a leftover) and nothing else: no persistence. */
  dataDir: string;
  port: number;
  log: (message: string) => void;
  /** Names the setting to change when the port is taken. */
  portVariable?: string;
  /** Where the jar and the extracted binary are kept. */
  cacheDir?: string;
}

/** Beside other tools' caches: `npm ci` starts it afresh, the jar stays in ~/.m2. */
export const defaultRedisCacheDir = fileURLToPath(
  new URL('../../../node_modules/.cache/daena/embedded-redis', import.meta.url),
);
const STOP_GRACE_MS = 10_000;

/**
 * A real redis-server 6.2 (from the embedded-redis jar on Maven Central), loopback only, with
 * no snapshots and no append-only file; it dies with this process (see exit-with-parent.ts).
 */
export async function startEmbeddedRedis(
  options: EmbeddedRedisOptions,
): Promise<EmbeddedRedisHandle> {
  const { port, log } = options;
  const binary = await ensureRedisServer(options.cacheDir ?? defaultRedisCacheDir, log);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const pidFile = join(dataDir, 'redis-server.pid');
  const leftover = await stopLeftoverProcess({
    pidFile,
    markers: ['redis-server'],
    graceMs: STOP_GRACE_MS,
  });
  if (leftover) log(`stopped a Redis left running by an earlier start (pid ${leftover})`);
  if (!(await isPortFree(port))) {
    throw new PortInUseError(port, 'Redis', options.portVariable ?? 'EMBEDDED_REDIS_PORT');
  }
  const server = spawnWithParentWatch(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dataDir,
      '--pidfile',
      pidFile,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stopSignal: 'TERM' },
  );
  await untilStarted(server, 'redis-server', STOP_GRACE_MS, async (exited) => {
    await Promise.race([
      retryWithBackoff(() => ping(port), { initialMs: 20, maxMs: 200, deadlineMs: 20_000 }),
      exited,
    ]);
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: Number((await readFile(pidFile, 'utf8')).trim()),
    stop: () => server.stop(STOP_GRACE_MS),
  };
}

/** One PING over RESP (inline command form), so this package needs no Redis client. */
function ping(port: number): Promise<void> {
  return new Promise((resolvePing, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error('no reply to PING')));
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      socket.end();
      if (reply.startsWith('+PONG')) resolvePing();
      else reject(new Error(`unexpected reply to PING: ${reply.trim()}`));
    });
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}
