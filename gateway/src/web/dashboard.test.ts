import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier } from '@daena/platform';
import { silentLogger, testJwtSecret } from '@daena/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountDashboard, type DashboardOptions } from './dashboard.js';

const config = { JWT_ISSUER: 'daena', JWT_AUDIENCE: 'daena-api' };
let dir: string;
const servers: Server[] = [];

/** A real HTTP server with the dashboard mounted as the gateway mounts it. */
async function serve(dashboard: DashboardOptions): Promise<string> {
  const app = express();
  mountDashboard(app, { config, jwtSecret: testJwtSecret, dashboard, log: silentLogger() });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'daena-dashboard-test-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Daena dashboard</title>');
  await writeFile(join(dir, 'assets', 'index-abc123.js'), 'export {};');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

describe('the gateway serving the dashboard', () => {
  it('serves index.html at / under a same-origin security policy, never cached', async () => {
    const origin = await serve({ dir });
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Daena dashboard');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('caches hashed assets for a year', async () => {
    const origin = await serve({ dir });
    const response = await fetch(`${origin}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('says how to build the dashboard when there is no build', async () => {
    const origin = await serve({ dir: join(dir, 'missing') });
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build -w @daena/web');
  });

  it('has no token mint unless embedded mode asks for one', async () => {
    const origin = await serve({ dir });
    expect(await (await fetch(`${origin}/dashboard.json`)).json()).toEqual({ devTokenMint: false });
    const mint = await fetch(`${origin}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(mint.status).toBe(404);
  });

  it('mints an admin token the gateway accepts in embedded mode, for JSON requests only', async () => {
    const origin = await serve({ dir, devTokenMint: true });
    expect(await (await fetch(`${origin}/dashboard.json`)).json()).toEqual({ devTokenMint: true });
    const form = await fetch(`${origin}/auth/dev-token`, { method: 'POST', body: 'x=1' });
    expect(form.status).toBe(415);
    const response = await fetch(`${origin}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { token } = (await response.json()) as { token: string };
    const verifier = createTokenVerifier({
      secret: testJwtSecret,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockToleranceSec: 0,
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['admin'] });
  });
});
