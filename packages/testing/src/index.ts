import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { pino, type Logger } from 'pino';

/**
 * Where the test suites find the real stores. `npm test` always sets both: to the stores the
 * variables already named (CI: its services), or to an embedded PostgreSQL and Redis it starts for
 * the run (scripts/test.ts). The defaults serve `vitest` run by hand next to local services.
 */
export const testStores = {
  postgresUrl: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};

export const testJwtSecret = 'daena-test-secret-0123456789';

export function silentLogger(): Logger {
  return pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
}

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

/** A free TCP port on loopback, for servers a test starts itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Posts a GraphQL operation and returns the parsed body and status. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** `count` consecutive free ports on loopback (for a stack whose services take PORT … PORT+n). */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => isPortFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Retries `check` until it stops throwing or the deadline passes (no fixed sleeps). */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
export * from './openai-stub.js';
