import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, freePortRange } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let dataDir: string;
let taken: Server;
let takenPort: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'daena-start-failure-'));
  await chmod(dataDir, 0o755);
  takenPort = await freePort();
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm start` (the stack's cli.ts) with only the given settings; its exit code and stderr. */
function npmStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', '@daena/platform/register', 'apps/stack/src/cli.ts'],
      {
        cwd: repoRoot,
        env: { PATH: process.env['PATH'] ?? '', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('npm start when a store cannot start', () => {
  // Issue 12 §8: a start-up failure is one line that says what to do, never a stack trace.
  it('says which port is taken and which variable to change, in one line', async () => {
    const { code, stderr } = await npmStart({
      PORT: String(await freePortRange(5)),
      DAENA_DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(takenPort),
    });

    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `Failed to start: port ${takenPort} (PostgreSQL) is in use by another program: set EMBEDDED_POSTGRES_PORT to a free port, or stop that program`,
    );
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
