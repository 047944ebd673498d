import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Where the test suites find the real stores. `npm test` always sets both: to the stores the
 * variables already named (CI: its services), or to an embedded PostgreSQL and Redis it starts for
 * the run (scripts/test.ts). The defaults serve `vitest` run by hand next to local services.
 */
export const testStores = {
  postgresUrl: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A throwaway database per test file: created empty, dropped (with its connections) after. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `daena_${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await adminQuery(`create database "${name}"`);
  const url = new URL(testStores.postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testStores.postgresUrl });
  await client.connect().catch((error: unknown) => {
    throw new Error(
      `no PostgreSQL at ${testStores.postgresUrl} (${String(error)}): run the tests with \`npm test\`, which starts one, or set TEST_DATABASE_URL`,
      { cause: error },
    );
  });
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's code for a connection ended by an administrator (here: `drop … with (force)`). */
const terminatedByAdmin = '57P01';

/**
 * A small pool on a throwaway database, for a test's own queries. pg-pool's `end()` resolves once
 * its clients are told to end, not once their sockets close, so the forced drop that follows may
 * terminate a client still ending: that error is expected and dropped; any other is thrown.
 */
export function testPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== terminatedByAdmin) throw error;
  });
  return pool;
}
