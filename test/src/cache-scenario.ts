import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret, waitFor } from '@daena/testing';
import { expect } from 'vitest';

const honeycomb = '{ organization { departments { slug agents { id role status version } } } }';
type Honeycomb = {
  organization: {
    departments: {
      slug: string;
      agents: { id: string; role: string; status: string; version: number }[];
    }[];
  };
};

async function readHoneycomb(gatewayUrl: string) {
  const { body } = await graphql<Honeycomb>(gatewayUrl, honeycomb);
  expect(body.errors).toBeUndefined();
  const agents = body.data?.organization.departments.flatMap((d) =>
    d.agents.map((agent) => ({ ...agent, department: d.slug })),
  );
  return agents ?? [];
}

/** The gateway's response-cache lookups so far, from its /metrics. */
export async function cacheLookups(gatewayUrl: string): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const count = (result: string) =>
    Number(
      new RegExp(
        `^gateway_response_cache_lookups_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`,
        'm',
      ).exec(text)?.[1] ?? 0,
    );
  return { hit: count('hit'), miss: count('miss') };
}

/**
 * The honeycomb is served from each gateway's response cache, and a write is still seen at once
 * by the gateway it went through and, via the bus, by every other gateway: a paused agent shows
 * as PAUSED everywhere.
 */
export async function expectCachedHoneycombStaysFresh(
  actorGateway: string,
  otherGateway: string,
): Promise<void> {
  await readHoneycomb(otherGateway);
  const before = await cacheLookups(otherGateway);
  const agents = await readHoneycomb(otherGateway);
  expect((await cacheLookups(otherGateway)).hit).toBe(before.hit + 1);
  const agent = agents.find((a) => a.department === 'hr' && a.role === 'GROWTH_ADVISOR');
  if (!agent) throw new Error('no HR growth advisor');
  expect(agent.status).not.toBe('PAUSED');
  await readHoneycomb(actorGateway);

  const admin = await signToken(testJwtSecret, { sub: 'admin', roles: [Role.ADMIN] });
  const control = (action: 'pauseAgent' | 'resumeAgent', version: number) =>
    graphql<Record<string, { status: string; version: number }>>(
      actorGateway,
      `mutation ($id: ID!, $version: Int!) { ${action}(id: $id, version: $version) { status version } }`,
      { id: agent.id, version },
      admin,
    );
  const paused = await control('pauseAgent', agent.version);
  expect(paused.body.errors).toBeUndefined();
  const statusOn = async (gatewayUrl: string) =>
    (await readHoneycomb(gatewayUrl)).find((a) => a.id === agent.id)?.status;
  // Read-your-writes on the gateway the mutation went through: no waiting.
  expect(await statusOn(actorGateway)).toBe('PAUSED');
  // Another gateway hears of it on the bus (asynchronously, within milliseconds).
  await waitFor(async () => expect(await statusOn(otherGateway)).toBe('PAUSED'), 5_000);

  const resumed = await control('resumeAgent', paused.body.data?.['pauseAgent']?.version ?? 0);
  expect(resumed.body.errors).toBeUndefined();
  expect(await statusOn(actorGateway)).not.toBe('PAUSED');
  await waitFor(async () => expect(await statusOn(otherGateway)).not.toBe('PAUSED'), 5_000);
}
