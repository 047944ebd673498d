import { setTimeout as delay } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { Neo4jLaunchError } from './errors.js';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 2_000;
/** Per attempt: a Bolt handshake on loopback takes milliseconds once the port is open. */
const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * Retries `verifyConnectivity()` with exponential backoff until `deadline` (epoch ms) or `signal`
 * aborts (the JVM died), then proves APOC is loaded. Returns `apoc.version()`.
 */
export async function waitForBolt(
  uri: string,
  deadline: number,
  signal: AbortSignal,
): Promise<string> {
  // no auth token: the launcher runs with auth disabled
  const driver = neo4j.driver(uri, undefined, {
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    maxConnectionPoolSize: 1,
  });
  try {
    await verifyWithRetries(driver, uri, deadline, signal);
    return await apocVersion(driver);
  } finally {
    await driver.close();
  }
}

async function verifyWithRetries(
  driver: ReturnType<typeof neo4j.driver>,
  uri: string,
  deadline: number,
  signal: AbortSignal,
): Promise<void> {
  for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, MAX_RETRY_MS)) {
    signal.throwIfAborted();
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      if (Date.now() + wait > deadline) {
        throw new Neo4jLaunchError(
          'NEO4J_START_TIMEOUT',
          `Bolt at ${uri} did not answer before the deadline`,
          {
            cause: error,
          },
        );
      }
    }
    // an abort means the JVM died: surface its reason, not a bare AbortError
    await delay(wait, undefined, { signal }).catch(() => signal.throwIfAborted());
  }
}

async function apocVersion(driver: ReturnType<typeof neo4j.driver>): Promise<string> {
  try {
    const { records } = await driver.executeQuery('RETURN apoc.version() AS version');
    const version: unknown = records[0]?.get('version');
    if (typeof version !== 'string') throw new Error(`apoc.version() returned ${String(version)}`);
    return version;
  } catch (error) {
    throw new Neo4jLaunchError(
      'NEO4J_APOC_MISSING',
      `Neo4j started but APOC is not usable (is target/plugins populated?): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
