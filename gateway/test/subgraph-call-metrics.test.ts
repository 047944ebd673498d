import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/gateway.js';
import { startTestGateway } from './test-gateway.js';

// Per-subgraph-call RED metrics (issue 17): queries through a real gateway over HTTP to a
// loopback stand-in for the metrics subgraph (answers `kpis`, fails `alerts` with a GraphQL
// error), and to an agents URL where nothing listens; then the gateway's /metrics is scraped.
let gateway: RunningGateway;
let metrics: Server;

beforeAll(async () => {
  metrics = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { query } = JSON.parse(body) as { query: string };
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          query.includes('kpis')
            ? { data: { kpis: [{ name: 'uptime_ratio' }] } }
            : { data: null, errors: [{ message: 'alerts unavailable' }] },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => metrics.listen(0, '127.0.0.1', resolve));
  const { port } = metrics.address() as AddressInfo;
  gateway = await startTestGateway({
    METRICS_URL: `http://127.0.0.1:${port}/graphql`,
    AGENTS_URL: `http://127.0.0.1:${await freePort()}/graphql`,
  });
});
afterAll(async () => {
  await gateway?.close();
  metrics?.closeAllConnections();
  await new Promise((resolve) => metrics?.close(resolve));
});

async function query(text: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

type Labels = Record<string, string>;

/** The gateway's /metrics: the value of the sample with this name and labels, 0 when absent. */
async function scrape(): Promise<(name: string, labels: Labels) => number> {
  const text = await (await fetch(new URL('/metrics', gateway.url))).text();
  const samples = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name = '', inside = '', value = ''] =
        /^([^{\s]+)(?:\{(.*)\})? (\S+)$/.exec(line) ?? [];
      const labels = Object.fromEntries(
        [...inside.matchAll(/(\w+)="([^"]*)"/g)].map(([, key = '', v = '']) => [key, v]),
      );
      return { name, labels, value: Number(value) };
    });
  return (name, labels) => {
    const wanted = { ...labels, service: 'gateway' };
    const found = samples.find(
      (s) =>
        s.name === name &&
        Object.keys(s.labels).length === Object.keys(wanted).length &&
        Object.entries(wanted).every(([key, value]) => s.labels[key] === value),
    );
    return found?.value ?? 0;
  };
}

describe('subgraph call metrics', () => {
  it('count and time each call by subgraph, operation and outcome', async () => {
    const kpis = { subgraph: 'metrics', operation_name: 'Kpis' };
    const before = await scrape();

    expect(await query('query Kpis { kpis { name } }')).toEqual({
      data: { kpis: [{ name: 'uptime_ratio' }] },
    });
    await query('query Kpis { kpis { name } }');
    expect((await query('query Alerts { alerts { id } }')).errors).toHaveLength(1);
    expect((await query('query Departments { departments { id } }')).errors).toBeDefined();

    const after = await scrape();
    const calls = 'graphql_subgraph_calls_total';
    const added = (name: string, labels: Labels) => after(name, labels) - before(name, labels);
    expect(added(calls, { ...kpis, outcome: 'ok' })).toBe(2);
    expect(added(calls, { subgraph: 'metrics', operation_name: 'Alerts', outcome: 'error' })).toBe(
      1,
    );
    expect(
      added(calls, { subgraph: 'agents', operation_name: 'Departments', outcome: 'failure' }),
    ).toBe(1);
    // Both Kpis calls are timed: in the count, the +Inf bucket, and a positive sum.
    const duration = 'graphql_subgraph_call_duration_seconds';
    expect(added(`${duration}_count`, kpis)).toBe(2);
    expect(added(`${duration}_bucket`, { ...kpis, le: '+Inf' })).toBe(2);
    expect(added(`${duration}_sum`, kpis)).toBeGreaterThan(0);
    expect(added(`${duration}_count`, { subgraph: 'agents', operation_name: 'Departments' })).toBe(
      1,
    );
  });
});
