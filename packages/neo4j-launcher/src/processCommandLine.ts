import { readFile } from 'node:fs/promises';
import { runCommand } from './runCommand.js';

/**
 * Whether a process with this pid is running. A zombie (exited, not yet reaped: containers whose
 * init does not reap orphans keep them) counts as gone; EPERM means it runs as another user.
 */
export async function isProcessRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // "pid (comm) S …": the state follows the last ')' (comm may itself contain parentheses)
  return (
    stat === undefined || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  );
}

/**
 * The command line of a running process, or undefined if it is gone. Linux has /proc; macOS
 * only `ps`.
 */
export async function processCommandLine(pid: number): Promise<string | undefined> {
  const proc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (proc !== undefined) return proc.split('\0').join(' ').trim() || undefined;
  if (process.platform === 'linux') return undefined;
  const ps = await runCommand('ps', ['-o', 'command=', '-p', String(pid)]).catch(() => undefined);
  return ps?.exitCode === 0 ? ps.tail.text().trim() || undefined : undefined;
}
