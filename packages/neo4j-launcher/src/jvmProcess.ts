import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { Neo4jLaunchError } from './errors.js';
import { OutputTail } from './outputTail.js';

export interface JvmExit {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** The launcher JVM: its READY line, its exit, its output tail and a way to stop it. */
export interface JvmProcess {
  readonly pid: number;
  readonly tail: OutputTail;
  /** Resolves with the bolt:// URI from the NEO4J_READY line; rejects if the JVM exits first. */
  readonly ready: Promise<string>;
  /** Resolves once the JVM has exited and its output is drained; never rejects. */
  readonly exited: Promise<JvmExit>;
  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves when the process is gone. Idempotent. */
  stop(timeoutMs: number): Promise<JvmExit>;
}

const READY_PREFIX = 'NEO4J_READY ';
const ERROR_PREFIX = 'NEO4J_ERROR ';

export function spawnJvm(java: string, args: readonly string[]): JvmProcess {
  // stdin stays an open pipe we never write: when this process dies the JVM reads EOF and exits.
  // Own process group: a terminal's Ctrl-C reaches only us, and we stop the JVM in order.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const tail = new OutputTail();
  let launcherError: string | undefined;

  // 'close' (not 'exit'): fires after stdout/stderr are drained, so the last lines are in `tail`.
  const exited = new Promise<JvmExit>((resolve) => {
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal }));
    child.once('error', () => resolve({ exitCode: null, signal: null })); // spawn failure: no 'close'
  });

  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      tail.push(line);
      if (line.startsWith(READY_PREFIX)) resolve(line.slice(READY_PREFIX.length).trim());
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(line);
      if (line.startsWith(ERROR_PREFIX)) launcherError ??= line.slice(ERROR_PREFIX.length);
    });
    void exited.then((exit) => reject(earlyExitError(exit, launcherError)));
  });
  ready.catch(() => {}); // observed by the caller; avoid an unhandled rejection if it never looks

  const stopParentExit = () => child.kill('SIGTERM');
  process.once('exit', stopParentExit);
  void exited.then(() => process.removeListener('exit', stopParentExit));

  return {
    pid: child.pid ?? -1,
    tail,
    ready,
    exited,
    stop: (timeoutMs) => stopJvm(child, exited, timeoutMs),
  };
}

async function stopJvm(
  child: ChildProcess,
  exited: Promise<JvmExit>,
  timeoutMs: number,
): Promise<JvmExit> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return exited;
  child.kill('SIGTERM');
  const grace = new AbortController();
  const outcome = await Promise.race([
    exited,
    delay(timeoutMs, 'timeout' as const, { signal: grace.signal }).catch(() => 'aborted' as const),
  ]);
  grace.abort();
  if (outcome !== 'timeout') return exited;
  child.kill('SIGKILL');
  return exited;
}

function earlyExitError(exit: JvmExit, launcherError: string | undefined): Neo4jLaunchError {
  const how = exit.signal ? `signal ${exit.signal}` : `code ${String(exit.exitCode)}`;
  if (launcherError?.startsWith('PORT_IN_USE ')) {
    return new Neo4jLaunchError(
      'NEO4J_PORT_IN_USE',
      `Neo4j could not start: ${launcherError.slice('PORT_IN_USE '.length)}`,
    );
  }
  const reason = launcherError ?? 'no NEO4J_READY line';
  return new Neo4jLaunchError(
    'NEO4J_START_FAILED',
    `Neo4j launcher exited with ${how} before it was ready: ${reason}`,
  );
}
