import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Neo4jLaunchError, withOutputTail } from './errors.js';
import { LAUNCHER_CLASS, jvmArgs, parseHeap } from './jvmArgs.js';
import { stopLeftoverProcess } from './leftoverProcess.js';
import { type JvmExit, type JvmProcess, spawnJvm } from './jvmProcess.js';
import { type Log, ensureNeo4jJars } from './maven.js';
import { waitForBolt } from './waitForBolt.js';

export interface StartEmbeddedNeo4jOptions {
  /** Neo4j home: databases, transactions and logs go below it. Created if missing. */
  dataDir: string;
  /** Bolt port; 0 lets the OS pick a free one (read it back from `uri`). Default 7687. */
  boltPort?: number;
  /** Listen host; default loopback only. */
  host?: string;
  /** Max JVM heap; 256m is enough for tests, give more for benchmarks. */
  heap?: string;
  log?: Log;
  /** Budget from spawning the JVM to APOC answering (a first Maven build is not counted). Default 120 s. */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. Default 20 s. */
  stopTimeoutMs?: number;
  java?: string;
  mvn?: string;
}

/** A running embedded Neo4j. Nothing leaks if the caller dies: the JVM exits when its stdin closes. */
export interface EmbeddedNeo4j {
  /** e.g. `bolt://127.0.0.1:7687`; auth is disabled. */
  readonly uri: string;
  readonly pid: number;
  readonly apocVersion: string;
  /** Resolves when the JVM has exited, whoever stopped it. */
  readonly exited: Promise<JvmExit>;
  /** SIGTERM and wait for the exit (SIGKILL after stopTimeoutMs). Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_TIMEOUT_MS = 20_000;
/** In the data directory: the pid of the launcher JVM that uses it, while it runs. */
export const PID_FILE = 'neo4j-launcher.pid';

/**
 * Builds the jars if needed, starts Neo4j 5.26 + APOC in a child JVM, and resolves once a driver
 * can connect and `apoc.version()` answers. On any failure the JVM is killed and the error (a
 * {@link Neo4jLaunchError}) carries the tail of its output.
 */
export async function startEmbeddedNeo4j(
  options: StartEmbeddedNeo4jOptions,
): Promise<EmbeddedNeo4j> {
  const {
    boltPort = 7687,
    host = '127.0.0.1',
    heap = '256m',
    log = () => {},
    java = 'java',
  } = options;
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  if (!Number.isInteger(boltPort) || boltPort < 0 || boltPort > 65_535) {
    throw new Neo4jLaunchError(
      'NEO4J_BAD_OPTION',
      `boltPort must be an integer in 0..65535, got ${boltPort}`,
    );
  }
  parseHeap(heap);
  const dataDir = resolve(options.dataDir);

  await ensureNeo4jJars({ log, java, ...(options.mvn === undefined ? {} : { mvn: options.mvn }) });
  await mkdir(dataDir, { recursive: true });
  const pidFile = join(dataDir, PID_FILE);
  // A JVM outlives its parent only if it never read EOF (it was stopped, say); it holds the store
  // lock and maybe the port, so a new start of the same data directory stops it first.
  const leftover = await stopLeftoverProcess({
    pidFile,
    markers: [LAUNCHER_CLASS, dataDir],
    graceMs: stopTimeoutMs,
  });
  if (leftover)
    log(`neo4j-launcher: stopped Neo4j left running by an earlier start (pid ${leftover})`);

  const started = Date.now();
  const deadline = started + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  const jvm = spawnJvm(java, jvmArgs(heap, dataDir, `${host}:${boltPort}`));
  await writeFile(pidFile, `${jvm.pid}\n`);
  void jvm.exited.then(() => rm(pidFile, { force: true }));
  log(`neo4j-launcher: starting Neo4j (pid ${jvm.pid}, heap ${heap}) in ${dataDir}`);
  try {
    const uri = await beforeDeadline(jvm.ready, deadline, 'no NEO4J_READY line');
    log(`neo4j-launcher: Bolt listening at ${uri} after ${seconds(started)} s, checking APOC`);
    const apocVersion = await untilExit(jvm, (signal) => waitForBolt(uri, deadline, signal));
    log(`neo4j-launcher: Neo4j ready at ${uri} (APOC ${apocVersion}) in ${seconds(started)} s`);
    const stop = async (): Promise<void> => {
      await jvm.stop(stopTimeoutMs);
    };
    return { uri, pid: jvm.pid, apocVersion, exited: jvm.exited, stop };
  } catch (error) {
    await jvm.stop(stopTimeoutMs);
    throw explain(error, jvm);
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/** Rejects with NEO4J_START_TIMEOUT if `promise` has not settled by `deadline`. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Neo4jLaunchError('NEO4J_START_TIMEOUT', `Neo4j did not start in time: ${what}`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work` with a signal that aborts if the JVM exits meanwhile. */
async function untilExit<T>(
  jvm: JvmProcess,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  void jvm.exited.then(() =>
    controller.abort(
      new Neo4jLaunchError('NEO4J_START_FAILED', 'the Neo4j JVM exited during start-up'),
    ),
  );
  return work(controller.signal);
}

function explain(error: unknown, jvm: JvmProcess): Neo4jLaunchError {
  const launchError =
    error instanceof Neo4jLaunchError
      ? error
      : new Neo4jLaunchError('NEO4J_START_FAILED', `Neo4j failed to start: ${String(error)}`, {
          cause: error,
        });
  return new Neo4jLaunchError(
    launchError.code,
    withOutputTail(`${launchError.message} (pid ${jvm.pid})`, jvm.tail.text()),
    {
      cause: launchError.cause ?? error,
    },
  );
}
