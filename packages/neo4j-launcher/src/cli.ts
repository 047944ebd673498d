#!/usr/bin/env node
/**
 * Runs the embedded Neo4j in the foreground until Ctrl-C / SIGTERM.
 *   npm run neo4j -w packages/neo4j-launcher -- [--data-dir DIR] [--port 7687] [--heap 256m]
 * Default data dir: .daena/neo4j under the repository root.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Neo4jLaunchError } from './errors.js';
import { startEmbeddedNeo4j } from './launch.js';
import { packageDir } from './packageDir.js';

const USAGE = 'usage: neo4j [--data-dir DIR] [--port 7687] [--host 127.0.0.1] [--heap 256m]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: join(packageDir, '..', '..', '.daena', 'neo4j') },
      port: { type: 'string', default: '7687' },
      host: { type: 'string', default: '127.0.0.1' },
      heap: { type: 'string', default: '256m' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const log = (message: string): void => console.error(message);
  const neo4j = await startEmbeddedNeo4j({
    dataDir: values['data-dir'],
    boltPort: Number(values.port),
    host: values.host,
    heap: values.heap,
    log,
  });
  console.log(`NEO4J_URI=${neo4j.uri}`);
  log('neo4j-launcher: press Ctrl-C to stop');

  let stopRequested = false;
  const stopOn = (signal: NodeJS.Signals): void => {
    stopRequested = true;
    log(`neo4j-launcher: ${signal}, stopping Neo4j…`);
    void neo4j.stop();
  };
  process.once('SIGINT', stopOn);
  process.once('SIGTERM', stopOn);
  const exit = await neo4j.exited;
  log(`neo4j-launcher: Neo4j exited (${exit.signal ?? `code ${String(exit.exitCode)}`})`);
  // the JVM exits 143 after SIGTERM; that is success when we asked for it
  return stopRequested || exit.exitCode === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof Neo4jLaunchError ? `${error.code}: ${error.message}` : String(error);
    console.error(`neo4j-launcher: ${message}`);
    process.exitCode = 1;
  },
);
