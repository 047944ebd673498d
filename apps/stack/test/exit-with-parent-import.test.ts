import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const preload = fileURLToPath(new URL('../src/exit-with-parent-import.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('a distributed-mode service process', () => {
  it('stops cleanly, as on SIGTERM, when the stack that started it is gone', async () => {
    // Stands in for runMain: a service that stops on SIGTERM and says so.
    const service = spawn(
      process.execPath,
      [
        '--import',
        '@daena/platform/register',
        '--import',
        preload,
        '-e',
        "process.on('SIGTERM', () => { console.log('stopping on SIGTERM'); process.exit(0); }); console.log('up'); setInterval(() => {}, 60_000);",
      ],
      { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    service.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    await new Promise<void>((resolve) => service.stdout.once('data', () => resolve()));

    // What the kernel does to the pipe when the stack dies, however it dies.
    service.stdin.end();

    expect(await exited).toBe(0);
    expect(output).toBe('up\nstopping on SIGTERM\n');
  });
});
