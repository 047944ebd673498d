import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../src/gateway-harness.js';

let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness('e2e_graphql_http');
});
afterAll(async () => {
  await harness?.close();
});

const mutation =
  'mutation { pauseAgent(id: "00000000-0000-0000-0000-000000000000", version: 1) { id } }';

describe('GraphQL over HTTP (graphql-http server audits on the gateway)', () => {
  it('passes every audit', async () => {
    const audits = serverAudits({ url: harness.gateway.url });
    const results = [];
    for (const audit of audits) {
      const result = await audit.fn();
      results.push({ id: audit.id, name: audit.name, status: result.status });
    }
    expect(results.filter((result) => result.status !== 'ok')).toEqual([]);
    expect(results).toHaveLength(61);
  });

  it('still refuses mutations over GET (405) and in the three simple content types', async () => {
    const get = await fetch(`${harness.gateway.url}?query=${encodeURIComponent(mutation)}`);
    expect(get.status).toBe(405);
    const bodies: [string, string | FormData][] = [
      ['text/plain', JSON.stringify({ query: mutation })],
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
    ];
    for (const [type, body] of bodies) {
      const response = await fetch(harness.gateway.url, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(response.status, type).toBe(415);
      const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(json.errors[0]?.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const form = new FormData();
    form.set('query', mutation);
    const multipart = await fetch(harness.gateway.url, { method: 'POST', body: form });
    expect(multipart.status).toBe(415);
  });

  it('answers a query over GET', async () => {
    const response = await fetch(
      `${harness.gateway.url}?query=${encodeURIComponent('{ departments { name } }')}`,
    );
    expect(response.status).toBe(200);
    const json = (await response.json()) as { data: { departments: unknown[] } };
    expect(json.data.departments.length).toBeGreaterThan(0);
  });
});
