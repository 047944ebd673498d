import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, freePortRange, graphql, testJwtSecret } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAgentsDecideLive } from '../src/cmp-scenario.js';
import { expectOfflineRouterAnswers } from '../src/router-scenario.js';
import { expectKnowledgeAccess } from '../src/scenario.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess;
let dataDir: string;
let gatewayUrl: string;
let output = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'daena-embedded-'));
  // Postgres runs as the `postgres` user when we are root: it must be able to reach its data dir.
  await chmod(dataDir, 0o755);
  const base = await freePortRange(5);
  // Embedded mode means none of the external stores: drop them from the inherited environment.
  const { DATABASE_URL: _db, REDIS_URL: _redis, NEO4J_URI: _neo4j, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(base),
    DAENA_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    EMBEDDED_NEO4J_PORT: String(await freePort()),
    JWT_SECRET: testJwtSecret,
    LOG_LEVEL: 'warn',
  };
  child = spawn(
    process.execPath,
    ['--conditions=source', '--import', '@daena/platform/register', 'apps/stack/src/cli.ts'],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Ready: (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  gatewayUrl = (await ready).replace('localhost', '127.0.0.1');
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

/** agents, decisions, knowledge and metrics listen on the four ports after the gateway's. */
function subgraphUrls(): string[] {
  const port = Number(new URL(gatewayUrl).port);
  return [1, 2, 3, 4].map((offset) => `http://127.0.0.1:${port + offset}/graphql`);
}

describe('embedded mode: one command, one process, embedded PostgreSQL', () => {
  it('prints what it starts and where', () => {
    expect(output).toContain('embedded mode');
    expect(output).toMatch(/✓ PostgreSQL \(embedded/);
    expect(output).toMatch(/✓ Neo4j 5\.26 \(embedded/);
    expect(output).toMatch(/✓ gateway at http:\/\/127\.0\.0\.1:\d+\/graphql/);
  });

  it('serves the organization and streams live votes over graphql-ws', async () => {
    await expectAgentsDecideLive(gatewayUrl, gatewayUrl);
  });

  it('routes LLM calls to the labelled offline model when no LLM service is configured', async () => {
    await expectOfflineRouterAnswers(gatewayUrl);
  });

  it('enforces knowledge access levels on the embedded Neo4j', async () => {
    await expectKnowledgeAccess(gatewayUrl);
  });

  it('has every subgraph refuse a depth bomb itself, as the gateway does', async () => {
    // 20 levels through introspection types: valid on any schema, so each subgraph's own limit
    // is what refuses it.
    const bomb = `{ __schema { types { ${'fields { type { '.repeat(9)}name${' } }'.repeat(9)} } } }`;
    for (const url of [gatewayUrl, ...subgraphUrls()]) {
      const { body } = await graphql(url, bomb);
      // graphql-js's own introspection-depth rule may report first; ours must be there too.
      const refusal = body.errors?.find(
        (error) => error.extensions?.['code'] === 'MAX_DEPTH_EXCEEDED',
      );
      expect(refusal?.extensions, url).toMatchObject({ measured: 21, allowed: 15 });
      expect(body.data, url).toBeUndefined();
    }
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
  });
});
