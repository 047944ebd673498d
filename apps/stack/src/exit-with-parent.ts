import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Parent-death watchdog for servers that cannot watch a pipe themselves (postgres, redis-server).
 * A POSIX shell runs the server in the background and reads the pipe we hold open on its stdin;
 * when this process ends, however it ends (kill -9 included), the kernel closes the pipe, `read`
 * sees EOF and the shell sends the server its clean-stop signal and waits for it. The shell is
 * also how we stop it on purpose: closing stdin. It uses no CPU while waiting and ~1 MB of memory.
 */
const WATCHDOG = `
exec 3<&0 </dev/null
"$@" 3<&- &
server=$!
( while read -r line <&3; do :; done; kill -"$DAENA_STOP_SIGNAL" "$server" 2>/dev/null ) &
watcher=$!
exec 3<&-
wait "$server"
code=$?
kill "$watcher" 2>/dev/null
exit "$code"
`;

export interface WatchedProcess {
  /** The watchdog shell; the server is its child, in the process group of the same id. */
  readonly child: ChildProcess;
  /** Closes the watchdog's stdin (the server gets `stopSignal`), SIGKILLs the group after `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

export function spawnWithParentWatch(
  command: string,
  args: readonly string[],
  options: {
    stopSignal: 'INT' | 'TERM';
    user?: { uid: number; gid: number } | undefined;
    env?: NodeJS.ProcessEnv;
  },
): WatchedProcess {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'daena-watchdog', command, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only Node, which stops the stores in order.
    detached: true,
    env: { ...(options.env ?? process.env), DAENA_STOP_SIGNAL: options.stopSignal },
    ...(options.user ?? {}),
  });
  // The pipe is never written to; an EPIPE after the shell exits is not an error.
  child.stdin?.on('error', () => {});
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return {
    child,
    async stop(graceMs) {
      child.stdin?.end();
      const force = setTimeout(() => killGroup(child), graceMs);
      await exited;
      clearTimeout(force);
    },
  };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
