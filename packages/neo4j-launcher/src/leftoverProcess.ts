import { readFile, rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessRunning, processCommandLine } from './processCommandLine.js';

export interface StopLeftoverOptions {
  /** Holds the pid of the process an earlier start left (first line). */
  pidFile: string;
  /** Every string must appear in the process's command line for it to count as ours. */
  markers: readonly string[];
  /** How the process stops cleanly (postgres: SIGINT is its fast shutdown). */
  signal?: NodeJS.Signals;
  /** SIGKILL after this long. */
  graceMs?: number;
}

/** Polling a foreign process's exit: there is no 'exit' event for a process that is not our child. */
const POLL_MS = 50;

/**
 * Stops a process an earlier start of the same data directory left running (its parent was killed
 * with SIGKILL, say). A pid file naming a process that is gone, or a pid now reused by another
 * program, is removed as stale; a stopped process's own file is left to it (postgres removes its
 * postmaster.pid on a clean stop and checks a stale one itself). Returns the pid it stopped, if any.
 */
export async function stopLeftoverProcess(
  options: StopLeftoverOptions,
): Promise<number | undefined> {
  const { pidFile, markers, signal = 'SIGTERM', graceMs = 20_000 } = options;
  const text = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const pid = Number(text.split('\n', 1)[0]?.trim());
  const valid = Number.isInteger(pid) && pid > 0 && pid !== process.pid;
  const commandLine = valid ? await processCommandLine(pid) : undefined;
  const ours = commandLine !== undefined && markers.every((marker) => commandLine.includes(marker));
  if (!ours) {
    await rm(pidFile, { force: true });
    return undefined;
  }
  await stopPid(pid, signal, graceMs);
  return pid;
}

/** Sends `signal`, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopPid(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  sendSignal(pid, signal);
  let killed = false;
  while (await isProcessRunning(pid)) {
    if (!killed && Date.now() > deadline) {
      sendSignal(pid, 'SIGKILL');
      killed = true;
    }
    await delay(POLL_MS);
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
