import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopLeftoverProcess } from './leftoverProcess.js';
import { isProcessRunning } from './processCommandLine.js';

let dir: string;
const started: number[] = [];

/** A real process that would run for ten minutes: a stand-in for a store left running. */
function sleeper(): number {
  const child = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
  child.unref();
  const { pid } = child;
  if (pid === undefined) throw new Error('could not start sleep');
  started.push(pid);
  return pid;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'daena-leftover-'));
});
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already stopped by the test
    }
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('stopLeftoverProcess', () => {
  it('stops the process its pid file names when the command line is ours', async () => {
    const pid = sleeper();
    const pidFile = join(dir, 'ours.pid');
    await writeFile(pidFile, `${pid}\n`);

    expect(await stopLeftoverProcess({ pidFile, markers: ['sleep', '600'], graceMs: 5_000 })).toBe(
      pid,
    );
    expect(await isProcessRunning(pid)).toBe(false);
  });

  it('leaves a reused pid alone and only removes the stale pid file', async () => {
    const pid = sleeper();
    const pidFile = join(dir, 'reused.pid');
    await writeFile(pidFile, `${pid}\n`);

    expect(await stopLeftoverProcess({ pidFile, markers: ['postgres'] })).toBeUndefined();
    expect(await isProcessRunning(pid)).toBe(true);
    await expect(readFile(pidFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
