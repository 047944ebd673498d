import type { WatchedProcess } from './exit-with-parent.js';

/** How much of a server's stderr a start-up error quotes: its last lines, not a flood. */
const stderrTail = 4000;

/**
 * Runs `start` (wait until the server answers, prepare it) while watching the server: if it exits
 * first, `exited` rejects with its exit code and the tail of its stderr. A start that fails stops
 * the server before the error is thrown, so a failed start leaves nothing running.
 */
export async function untilStarted(
  server: WatchedProcess,
  name: string,
  graceMs: number,
  start: (exited: Promise<never>) => Promise<void>,
): Promise<void> {
  let stderr = '';
  server.child.stderr?.on(
    'data',
    (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-stderrTail)),
  );
  const exited = new Promise<never>((_, reject) =>
    server.child.once('exit', (code) =>
      reject(new Error(`${name} exited with code ${code}: ${stderr.trim()}`)),
    ),
  );
  exited.catch(() => {});
  try {
    await start(exited);
  } catch (error) {
    await server.stop(graceMs);
    throw error;
  }
}
