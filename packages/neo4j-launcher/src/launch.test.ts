import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jLaunchError } from './errors.js';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from './launch.js';

// The first run resolves ~170 MB of jars with Maven before the JVM even starts.
const START_TIMEOUT_MS = 180_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startEmbeddedNeo4j', () => {
  let dataDir: string;
  let server: EmbeddedNeo4j;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'daena-neo4j-'));
    server = await startEmbeddedNeo4j({ dataDir, boltPort: 0 });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('serves Bolt with APOC loaded', async () => {
    const driver = neo4j.driver(server.uri);
    try {
      const { records } = await driver.executeQuery('RETURN apoc.version() AS version');
      expect(records[0]?.get('version')).toMatch(/^5\.26\./);
      expect(server.apocVersion).toMatch(/^5\.26\./);
    } finally {
      await driver.close();
    }
  });

  it('persists a node it wrote', async () => {
    const driver = neo4j.driver(server.uri);
    try {
      await driver.executeQuery('CREATE (:Probe {name: $name})', { name: 'launch-test' });
      const { records } = await driver.executeQuery(
        'MATCH (p:Probe {name: $name}) RETURN count(p) AS n',
        {
          name: 'launch-test',
        },
      );
      expect(records[0]?.get('n').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
  });

  it(
    'reports a taken port as NEO4J_PORT_IN_USE',
    async () => {
      const port = Number(new URL(server.uri).port);
      const error: unknown = await startEmbeddedNeo4j({
        dataDir: join(dataDir, 'second'),
        boltPort: port,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jLaunchError);
      expect((error as Neo4jLaunchError).code).toBe('NEO4J_PORT_IN_USE');
    },
    START_TIMEOUT_MS,
  );

  it('stops the JVM and leaves no process behind', async () => {
    await server.stop();
    // 143 = 128 + SIGTERM: the JVM ran its shutdown hook and exited on its own, no SIGKILL needed
    expect(await server.exited).toEqual({ exitCode: 143, signal: null });
    expect(isRunning(server.pid)).toBe(false);
  }, 60_000);
});
