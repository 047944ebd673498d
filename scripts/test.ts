// `npm test [-- <turbo args>]`: the formatting check, the import boundaries, the copy-paste check,
// then lint, typecheck and every package's tests through turbo, on the stores TEST_DATABASE_URL /
// TEST_REDIS_URL name or, when unset, on embedded ones started for the run and stopped after it
// (issue 21: a fresh machine needs none).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFailureMessage } from '@daena/platform';
import { startTestStores, type TestStores } from './test-stores.js';

const bin = (name: string) =>
  fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const log = (message: string) => process.stderr.write(`[test] ${message}\n`);
let current: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;

/** Runs a program (a local bin by name, or a path) to its end with our stdio; its exit code. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve) => {
    current = spawn(command.includes('/') ? command : bin(command), args, {
      stdio: 'inherit',
      env,
    });
    current.once('error', () => resolve(127));
    current.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Runs one of the root package.json's scripts (the checks are defined there once: what they cover
 * and how), with the npm that runs us when there is one.
 */
function runScript(name: string): Promise<number> {
  const npm = process.env['npm_execpath'];
  return npm
    ? run(process.execPath, [npm, 'run', '--silent', name])
    : run('/usr/bin/env', ['npm', 'run', '--silent', name]);
}

// A terminal's Ctrl-C reaches the running tool too (same process group); a SIGTERM sent to us
// alone is passed on. Either way the run ends and the stores are stopped below.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = signal;
    current?.kill(signal);
  });
}

async function main(): Promise<number> {
  for (const check of ['format:check', 'lint:deps', 'cpd']) {
    const code = await runScript(check);
    if (code !== 0 || interrupted) return code || 130;
  }
  let stores: TestStores;
  try {
    stores = await startTestStores(process.env, log);
  } catch (error) {
    process.stderr.write(startFailureMessage(error, process.env['DEBUG']));
    return 1;
  }
  try {
    if (interrupted) return 130;
    const turboArgs = [
      'run',
      'lint',
      'typecheck',
      'test',
      '--concurrency=2',
      ...process.argv.slice(2),
    ];
    return await run('turbo', turboArgs, { ...process.env, ...stores.env });
  } finally {
    await stores.stop();
  }
}

process.exitCode = await main();
