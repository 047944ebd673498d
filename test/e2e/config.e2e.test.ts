import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs an entry point to completion and returns its exit code and output. */
function run(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', '@daena/platform/register', entry],
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

describe('invalid configuration', () => {
  it.each([
    [
      'subgraphs/agents/src/main.ts',
      { PORT: 'abc', DATABASE_URL: 'postgres://x@127.0.0.1/db' },
      'PORT',
    ],
    ['subgraphs/decisions/src/main.ts', { DATABASE_URL: 'mysql://x@127.0.0.1/db' }, 'DATABASE_URL'],
    ['subgraphs/knowledge/src/main.ts', {}, 'NEO4J_URI'],
    ['gateway/src/main.ts', { JWT_SECRET: 'short' }, 'JWT_SECRET'],
    ['apps/stack/src/cli.ts', { REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
  ])('%s stops with one line naming the variable', async (entry, env, variable) => {
    const { code, stderr } = await run(entry, env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^Invalid configuration: ${variable}: `));
  });

  it('refuses to run in production without JWT_SECRET', async () => {
    const { code, stderr } = await run('gateway/src/main.ts', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Invalid configuration: JWT_SECRET: required when NODE_ENV=production and JWKS_URL is not set (it is not set)',
    );
  });
});
