import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { OutputTail } from './outputTail.js';

export interface CommandResult {
  /** Exit code, or null when a signal ended the process. */
  readonly exitCode: number | null;
  readonly tail: OutputTail;
}

/** Thrown (as the rejection) when the executable itself cannot be found on PATH. */
export class CommandNotFoundError extends Error {
  override readonly name = 'CommandNotFoundError';
  constructor(readonly command: string) {
    super(`${command}: not found on PATH`);
  }
}

/** Runs a command to completion with no stdin, keeping the tail of its combined output. */
export function runCommand(
  command: string,
  args: readonly string[],
  cwd?: string,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const tail = new OutputTail();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: child.stdout }).on('line', (line) => tail.push(line));
    createInterface({ input: child.stderr }).on('line', (line) => tail.push(line));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new CommandNotFoundError(command) : error);
    });
    child.once('close', (exitCode) => resolve({ exitCode, tail }));
  });
}
