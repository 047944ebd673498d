import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop with `signal`, then kills it if it has not exited after `graceMs`;
 * resolves once it has exited (at once if it already had).
 */
export function stopProcess(
  child: ChildProcess,
  { signal = 'SIGTERM', graceMs = 10_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
