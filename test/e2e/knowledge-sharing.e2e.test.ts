import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import { createKnowledgeService, loadKnowledgeConfig } from '@daena/knowledge';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import { Role, type RunningService } from '@daena/platform';
import { freePort, graphql, testStack, testToken, type TestStack } from '@daena/testing';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe, waitForSubscribers, type LiveSubscription } from '../src/live.js';

/**
 * Issue 16 §6-7 through the real gateway: a Finance entry shared with Legal travels as messages
 * between Border Agents (the agents subgraph's fabric), arrives redacted after the owner's
 * approval, reaches Legal's `knowledgeUpdates` subscribers and nobody else's, and vanishes when
 * the share is revoked. Real agents (Postgres), knowledge (embedded Neo4j) and gateway.
 */
let stack: TestStack;
let gateway: RunningGateway;
let agents: RunningService;
let graphDriver: Driver;
const tokens = {} as Record<
  'financeLead' | 'financeAnalyst' | 'financeBorder' | 'legal' | 'hr' | 'admin',
  string
>;
/** Department slug → its Border Agent's id, and its own id, read from the organization. */
const borderAgents = new Map<string, string>();
const departmentIds = new Map<string, string>();

beforeAll(async () => {
  stack = await testStack('knowledge_share_e2e');
  const dataDir = await mkdtemp(join(tmpdir(), 'daena-knowledge-share-'));
  stack.defer(() => rm(dataDir, { recursive: true, force: true }));
  const graph = await startEmbeddedNeo4j({ dataDir, boltPort: 0 });
  stack.defer(() => graph.stop());
  graphDriver = stack.track(neo4j.driver(graph.uri));
  agents = await stack.start(
    createAgentsService({
      config: loadAgentsConfig({
        DATABASE_URL: stack.database.url,
        AGENTS_ANSWER_VOTE_REQUESTS: 'false',
      }),
      ...stack.dependencies,
    }),
  );
  const knowledge = await stack.start(
    createKnowledgeService({
      config: loadKnowledgeConfig({ PORT: '1', NEO4J_URI: graph.uri, AGENTS_URL: agents.url }),
      ...stack.dependencies,
    }),
  );
  const config = loadGatewayConfig({
    PORT: String(await freePort()),
    AGENTS_URL: agents.url,
    KNOWLEDGE_URL: knowledge.url,
    RESPONSE_CACHE_MB: '0',
    AUDIT_ENABLED: 'false',
  });
  gateway = stack.track(await startGateway({ config, ...stack.dependencies }));
  await gateway.ready;

  tokens.admin = await testToken({ sub: 'root', roles: [Role.ADMIN] });
  const organization = await call<{
    organization: {
      departments: { id: string; slug: string; agents: { id: string; role: string }[] }[];
    };
  }>('{ organization { departments { id slug agents { id role } } } }', {}, tokens.admin);
  for (const department of organization.data?.organization.departments ?? []) {
    departmentIds.set(department.slug, department.id);
    const border = department.agents.find((agent) => agent.role === 'BORDER_AGENT');
    if (border) borderAgents.set(department.slug, border.id);
  }
  tokens.financeLead = await testToken({
    sub: 'finance-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'finance',
  });
  tokens.financeAnalyst = await testToken({
    sub: 'finance-analyst',
    roles: [Role.AGENT],
    department: 'finance',
  });
  tokens.financeBorder = await testToken({
    sub: borderAgents.get('finance') ?? 'missing',
    roles: [Role.AGENT],
    department: 'finance',
  });
  tokens.legal = await testToken({
    sub: 'legal-counsel',
    roles: [Role.AGENT],
    department: 'legal',
  });
  tokens.hr = await testToken({ sub: 'hr-partner', roles: [Role.AGENT], department: 'hr' });
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

async function call<T>(query: string, variables: Record<string, unknown>, token?: string) {
  const { body } = await graphql<T>(gateway.url, query, variables, token);
  return body;
}

const create = `mutation($input: [KnowledgeEntryCreateInput!]!) {
  createKnowledgeEntries(input: $input) { knowledgeEntries { id } }
}`;

async function createFinanceEntry(
  title: string,
  body: string,
  accessLevel: string,
  extra: Record<string, unknown> = {},
) {
  const input = {
    title,
    body,
    accessLevel,
    departmentSlug: 'finance',
    sharedWithDepartments: [],
    ...extra,
  };
  const created = await call<{ createKnowledgeEntries: { knowledgeEntries: { id: string }[] } }>(
    create,
    { input: [input] },
    tokens.financeAnalyst,
  );
  const id = created.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
  if (!id) throw new Error(`create failed: ${JSON.stringify(created.errors)}`);
  return id;
}

const shareFields =
  'id entryId status fromDepartmentSlug toDepartmentSlug ownerBorderAgentId requestMessageId deliveryMessageId relayAgentIds copyId decidedBy';

interface Share {
  id: string;
  entryId: string;
  status: string;
  ownerBorderAgentId: string;
  requestMessageId: string;
  deliveryMessageId: string | null;
  relayAgentIds: string[];
  copyId: string | null;
  decidedBy: string | null;
}

const requestShare = `mutation($entryId: ID!, $toId: ID, $to: String, $reason: String!) {
  requestShare(entryId: $entryId, departmentId: $toId, departmentSlug: $to, reason: $reason) {
    ${shareFields}
  }
}`;
const decide = (name: string) => `mutation($id: ID!) { ${name}(shareId: $id) { ${shareFields} } }`;

/** Asks for a share with the department named by its slug. */
async function ask(entryId: string, to: string, token = tokens.financeAnalyst) {
  return call<{ requestShare: Share }>(
    requestShare,
    { entryId, to, reason: 'Legal reviews the vendor contract' },
    token,
  );
}

/** Asks for a share with the department named by its id, as issue 16 names it. */
async function askById(entryId: string, toId: string, token = tokens.financeAnalyst) {
  return call<{ requestShare: Share }>(
    requestShare,
    { entryId, toId, reason: 'Legal reviews the vendor contract' },
    token,
  );
}

const entryById = `query($id: ID!) {
  knowledgeEntries(where: { id: { eq: $id } }) {
    id title body departmentSlug accessLevel personalData derivedFrom { id }
  }
}`;

interface EntryRead {
  id: string;
  title: string;
  body: string;
  departmentSlug: string;
  accessLevel: string;
  personalData: string[];
  derivedFrom: { id: string }[];
}

async function read(id: string, token: string): Promise<EntryRead[]> {
  const result = await call<{ knowledgeEntries: EntryRead[] }>(entryById, { id }, token);
  expect(result.errors).toBeUndefined();
  return result.data?.knowledgeEntries ?? [];
}

/** A message as the agents subgraph stored it, with the route it travelled. */
const inbox = `query($agent: ID!) {
  agentInbox(agentId: $agent, first: 5) {
    totalCount
    nodes {
      id body from { id } to { id } relays { id }
      path { length hops { kind agent { id } department { slug } } }
    }
  }
}`;

interface InboxMessage {
  id: string;
  body: string;
  from: { id: string };
  to: { id: string } | null;
  relays: { id: string }[];
  path: { length: number; hops: { kind: string; agent: { id: string } | null }[] };
}

async function received(agentId: string) {
  const result = await call<{ agentInbox: { totalCount: number; nodes: InboxMessage[] } }>(
    inbox,
    { agent: agentId },
    tokens.admin,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.agentInbox ?? { totalCount: 0, nodes: [] };
}

async function countNodes(label: string): Promise<number> {
  const { records } = await graphDriver.executeQuery(`MATCH (n:${label}) RETURN count(n) AS n`);
  return Number(records[0]?.get('n'));
}

const updates = `subscription($d: String!) {
  knowledgeUpdates(departmentSlug: $d) { change entryId departmentSlug entry { id title body } }
}`;

interface Update {
  knowledgeUpdates: {
    change: string;
    entryId: string;
    departmentSlug: string;
    entry: { id: string; title: string; body: string }[];
  } | null;
}

describe('sharing knowledge through the honeycomb', () => {
  it('carries a Finance entry to Legal redacted after approval, and takes it back on revoke', async () => {
    const original = await createFinanceEntry(
      'Vendor contract contacts',
      'Escalate to tess.finance@example.com or +49 30 1234 5678 before signing.',
      'CONFIDENTIAL',
    );
    const live: LiveSubscription<Update>[] = [];
    const legalWatch = subscribe<Update>(gateway.wsUrl, updates, { d: 'legal' }, tokens.legal);
    const hrWatch = subscribe<Update>(gateway.wsUrl, updates, { d: 'legal' }, tokens.hr);
    live.push(legalWatch, hrWatch);
    try {
      await waitForSubscribers(gateway.url, 2);

      // Legal asks nothing it cannot see; a Finance member asks on its behalf.
      expect(await read(original, tokens.legal)).toEqual([]);
      const asked = await askById(original, departmentIds.get('legal') ?? '');
      expect(asked.errors).toBeUndefined();
      const pending = asked.data?.requestShare as Share;
      expect(pending).toMatchObject({
        entryId: original,
        status: 'PENDING',
        ownerBorderAgentId: borderAgents.get('finance'),
        copyId: null,
      });
      // The request went from Legal's Border Agent to Finance's, over the shortest hex path.
      const request = (await received(borderAgents.get('finance') ?? '')).nodes[0];
      expect(request).toMatchObject({
        id: pending.requestMessageId,
        from: { id: borderAgents.get('legal') },
        to: { id: borderAgents.get('finance') },
      });
      expect(request?.body).toContain(pending.id);

      // Nobody but Finance's lead decides: Legal, the analyst and (without a policy) the Border Agent.
      for (const token of [tokens.legal, tokens.financeAnalyst, tokens.financeBorder]) {
        const refused = await call(decide('approveShare'), { id: pending.id }, token);
        expect(refused.errors?.[0]?.extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'SHARE_APPROVER_REQUIRED',
        });
      }
      expect(await countNodes('KnowledgeEntry')).toBe(1);

      const approved = await call<{ approveShare: Share }>(
        decide('approveShare'),
        { id: pending.id },
        tokens.financeLead,
      );
      expect(approved.errors).toBeUndefined();
      const share = approved.data?.approveShare as Share;
      expect(share).toMatchObject({ status: 'APPROVED', decidedBy: 'finance-lead' });
      const copyId = share.copyId ?? '';

      // It arrives, redacted, for Legal only: Legal's subscriber gets it, HR's gets no entry.
      const arrived = await legalWatch.next();
      expect(arrived.knowledgeUpdates).toMatchObject({
        change: 'SHARED',
        entryId: copyId,
        departmentSlug: 'legal',
      });
      const [copy] = await read(copyId, tokens.legal);
      expect(copy).toMatchObject({
        departmentSlug: 'legal',
        accessLevel: 'CONFIDENTIAL',
        personalData: [],
        // Legal cannot follow DERIVED_FROM into Finance's confidential original.
        derivedFrom: [],
      });
      expect(copy?.body).toBe('Escalate to [EMAIL] or [PHONE] before signing.');
      expect(arrived.knowledgeUpdates?.entry).toEqual([
        { id: copyId, title: copy?.title, body: copy?.body },
      ]);
      expect(await read(copyId, tokens.hr)).toEqual([]);
      // Finance's admin view shows the copy derived from the original.
      expect((await read(copyId, tokens.admin))[0]?.derivedFrom).toEqual([{ id: original }]);

      // It travelled from Finance's Border Agent to Legal's, relayed by the Border Agents between.
      const delivery = (await received(borderAgents.get('legal') ?? '')).nodes[0];
      const route = await call<{ communicationPath: { hops: { agent: { id: string } | null }[] } }>(
        `query($from: ID!, $to: ID!) { communicationPath(from: $from, to: $to) { hops { agent { id } } } }`,
        { from: borderAgents.get('finance'), to: borderAgents.get('legal') },
        tokens.admin,
      );
      expect(delivery).toMatchObject({
        id: share.deliveryMessageId,
        from: { id: borderAgents.get('finance') },
        to: { id: borderAgents.get('legal') },
      });
      expect(delivery?.body).toContain(copyId);
      // The share lists the Border Agents that relayed the request, then those of the copy.
      expect(share.relayAgentIds).toEqual(
        [...(request?.relays ?? []), ...(delivery?.relays ?? [])].map((relay) => relay.id),
      );
      expect(delivery?.path.hops.map((hop) => hop.agent?.id)).toEqual(
        route.data?.communicationPath.hops.map((hop) => hop.agent?.id),
      );

      const revoked = await call<{ revokeShare: Share }>(
        decide('revokeShare'),
        { id: share.id },
        tokens.financeLead,
      );
      expect(revoked.data?.revokeShare.status).toBe('REVOKED');
      expect(await legalWatch.next()).toEqual({
        knowledgeUpdates: {
          change: 'REVOKED',
          entryId: copyId,
          departmentSlug: 'legal',
          entry: [],
        },
      });
      expect(await read(copyId, tokens.legal)).toEqual([]);
      expect(await read(copyId, tokens.admin)).toEqual([]);
      // HR's subscriber heard nothing of the copy, neither SHARED nor REVOKED (the gateway
      // withholds what it may not read): the first change it gets is Legal's next PUBLIC entry.
      const announced = await call<{
        createKnowledgeEntries: { knowledgeEntries: { id: string }[] };
      }>(
        create,
        {
          input: [
            {
              title: 'Contract review hours',
              body: 'Tuesdays and Thursdays.',
              accessLevel: 'PUBLIC',
              departmentSlug: 'legal',
              sharedWithDepartments: [],
            },
          ],
        },
        tokens.legal,
      );
      const publicId = announced.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
      expect((await hrWatch.next()).knowledgeUpdates).toMatchObject({
        change: 'CREATED',
        entryId: publicId,
      });
      expect(await read(original, tokens.financeAnalyst)).toHaveLength(1);
    } finally {
      await Promise.all(live.map((subscription) => subscription.close()));
    }
    // Cold Neo4j plans and two subscriptions on a shared CI machine: well beyond the default.
  }, 120_000);

  it('lets the owner hand approvals to its Border Agent by policy', async () => {
    const entry = await createFinanceEntry(
      'Payment run calendar',
      'Runs on Tuesdays.',
      'RESTRICTED',
      {
        authorAgentId: borderAgents.get('finance'),
      },
    );
    // Its author and department are the agents subgraph's entities, completed by the gateway.
    const authored = await call<{
      knowledgeEntries: {
        authorAgent: { id: string; role: string };
        department: { name: string };
      }[];
    }>(
      `query($id: ID!) { knowledgeEntries(where: { id: { eq: $id } }) { authorAgent { id role } department { name } } }`,
      { id: entry },
      tokens.financeAnalyst,
    );
    expect(authored.data?.knowledgeEntries).toEqual([
      {
        authorAgent: { id: borderAgents.get('finance'), role: 'BORDER_AGENT' },
        department: { name: 'Finance' },
      },
    ]);
    const setPolicy = `mutation($on: Boolean!) {
      setSharingPolicy(borderAgentApproves: $on) { departmentSlug borderAgentApproves setBy }
    }`;
    const byAnalyst = await call(setPolicy, { on: true }, tokens.financeAnalyst);
    expect(byAnalyst.errors?.[0]?.extensions?.['reason']).toBe('DEPARTMENT_LEAD_REQUIRED');
    const policy = await call(setPolicy, { on: true }, tokens.financeLead);
    expect(policy.data).toEqual({
      setSharingPolicy: {
        departmentSlug: 'finance',
        borderAgentApproves: true,
        setBy: 'finance-lead',
      },
    });
    const pending = (await ask(entry, 'hr')).data?.requestShare as Share;
    const approved = await call<{ approveShare: Share }>(
      decide('approveShare'),
      { id: pending.id },
      tokens.financeBorder,
    );
    expect(approved.data?.approveShare.status).toBe('APPROVED');
    // Another department's lead is still no approver of Finance's shares.
    const second = (await ask(entry, 'legal')).data?.requestShare as Share;
    const legalLead = await testToken({
      sub: 'legal-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'legal',
    });
    const refusedByLegal = await call(decide('refuseShare'), { id: second.id }, legalLead);
    expect(refusedByLegal.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const refused = await call<{ refuseShare: Share }>(
      decide('refuseShare'),
      { id: second.id },
      tokens.financeLead,
    );
    expect(refused.data?.refuseShare).toMatchObject({ status: 'REFUSED', copyId: null });
    // The refusal travelled back to Legal as the approval would have: Border Agent to Border Agent.
    const refusal = (await received(borderAgents.get('legal') ?? '')).nodes[0];
    expect(refusal).toMatchObject({
      id: refused.data?.refuseShare.deliveryMessageId,
      from: { id: borderAgents.get('finance') },
      to: { id: borderAgents.get('legal') },
    });
    expect(refusal?.body).toContain(`Share request ${second.id} refused`);
    // A refused share cannot be approved afterwards.
    const late = await call(decide('approveShare'), { id: second.id }, tokens.financeLead);
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SHARE_NOT_PENDING',
    });
    // Each department sees the shares it is party to, and no other department's.
    const sharesSeenBy = async (token: string) =>
      (
        await call<{ knowledgeShares: { toDepartmentSlug: string }[] }>(
          `query($id: ID!) { knowledgeShares(where: { entryId: { eq: $id } }, sort: [{ toDepartmentSlug: ASC }]) { toDepartmentSlug } }`,
          { id: entry },
          token,
        )
      ).data?.knowledgeShares.map((share) => share.toDepartmentSlug);
    expect(await sharesSeenBy(tokens.financeAnalyst)).toEqual(['hr', 'legal']);
    expect(await sharesSeenBy(tokens.hr)).toEqual(['hr']);
    expect(await sharesSeenBy(tokens.legal)).toEqual(['legal']);
    const marketing = await testToken({ sub: 'mk', roles: [Role.AGENT], department: 'marketing' });
    expect(await sharesSeenBy(marketing)).toEqual([]);
    await call(setPolicy, { on: false }, tokens.financeLead);
  });

  it('refuses bad requests with typed errors and writes nothing, in knowledge or in agents', async () => {
    const confidential = await createFinanceEntry(
      'Audit findings',
      'Two open items.',
      'CONFIDENTIAL',
    );
    const personal = await createFinanceEntry('My notes', 'Remember the dentist.', 'PERSONAL');
    const before = {
      shares: await countNodes('KnowledgeShare'),
      entries: await countNodes('KnowledgeEntry'),
      messages: (await received(borderAgents.get('finance') ?? '')).totalCount,
    };
    const cases: [
      string,
      Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>,
      string,
      string,
    ][] = [
      [
        'unknown entry',
        ask('00000000-0000-4000-8000-000000000000', 'legal'),
        'NOT_FOUND',
        'KNOWLEDGEENTRY_NOT_FOUND',
      ],
      [
        'entry the caller may not read',
        ask(confidential, 'legal', tokens.legal),
        'NOT_FOUND',
        'KNOWLEDGEENTRY_NOT_FOUND',
      ],
      ['PERSONAL entry', ask(personal, 'legal'), 'BAD_USER_INPUT', 'PERSONAL_NOT_SHAREABLE'],
      ['same department', ask(confidential, 'finance'), 'BAD_USER_INPUT', 'SAME_DEPARTMENT'],
      ['unknown department', ask(confidential, 'astrology'), 'NOT_FOUND', 'DEPARTMENT_NOT_FOUND'],
      [
        'unknown department id',
        askById(confidential, '00000000-0000-4000-8000-000000000016'),
        'NOT_FOUND',
        'DEPARTMENT_NOT_FOUND',
      ],
      [
        'same department by id',
        askById(confidential, departmentIds.get('finance') ?? ''),
        'BAD_USER_INPUT',
        'SAME_DEPARTMENT',
      ],
      [
        'department by id and by slug',
        call(
          requestShare,
          { entryId: confidential, toId: departmentIds.get('legal'), to: 'legal', reason: 'x' },
          tokens.financeAnalyst,
        ),
        'BAD_USER_INPUT',
        'ONE_DEPARTMENT_REQUIRED',
      ],
      [
        'no department',
        call(requestShare, { entryId: confidential, reason: 'x' }, tokens.financeAnalyst),
        'BAD_USER_INPUT',
        'ONE_DEPARTMENT_REQUIRED',
      ],
      [
        'blank reason',
        call(
          requestShare,
          { entryId: confidential, to: 'legal', reason: '  ' },
          tokens.financeAnalyst,
        ),
        'BAD_USER_INPUT',
        'SHARE_REASON',
      ],
      [
        'anonymous caller',
        call(requestShare, { entryId: confidential, to: 'legal', reason: 'x' }),
        'UNAUTHENTICATED',
        'TOKEN_REQUIRED',
      ],
      [
        'unknown share',
        call(decide('approveShare'), { id: 'no-such-share' }, tokens.financeLead),
        'NOT_FOUND',
        'KNOWLEDGESHARE_NOT_FOUND',
      ],
    ];
    for (const [name, pending, code, reason] of cases) {
      const result = await pending;
      expect({ name, extensions: result.errors?.[0]?.extensions }).toMatchObject({
        name,
        extensions: { code, reason },
      });
    }
    expect({
      shares: await countNodes('KnowledgeShare'),
      entries: await countNodes('KnowledgeEntry'),
      messages: (await received(borderAgents.get('finance') ?? '')).totalCount,
    }).toEqual(before);
  });

  it('keeps the Border Agent relay to services: users, admins included, cannot send through it', async () => {
    const relay = `mutation { relayBorderMessage(input: { fromDepartmentSlug: "legal", toDepartmentSlug: "finance", body: "hi" }) { message { id } } }`;
    const direct = await graphql(agents.url, relay, {}, tokens.admin);
    expect(direct.body.errors?.[0]?.extensions?.['reason']).toBe('SERVICE_TOKEN_REQUIRED');
    const viaGateway = await call(relay, {}, tokens.admin);
    expect(viaGateway.errors?.[0]?.message).toMatch(/relayBorderMessage/);
  });
});

describe('knowledgeUpdates by department id', () => {
  const byId = `subscription($id: ID) {
    knowledgeUpdates(departmentId: $id) { change entryId departmentSlug }
  }`;
  type Change = { knowledgeUpdates: { change: string; entryId: string; departmentSlug: string } };

  async function createPublic(departmentSlug: string, token: string) {
    const input = {
      title: `${departmentSlug} office hours`,
      body: 'Mornings.',
      accessLevel: 'PUBLIC',
      departmentSlug,
      sharedWithDepartments: [],
    };
    const created = await call<{ createKnowledgeEntries: { knowledgeEntries: { id: string }[] } }>(
      create,
      { input: [input] },
      token,
    );
    return created.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
  }

  it("streams a department's changes by its id, and every readable change with no department", async () => {
    const legalById = subscribe<Change>(
      gateway.wsUrl,
      byId,
      { id: departmentIds.get('legal') },
      tokens.hr,
    );
    const everything = subscribe<Change>(gateway.wsUrl, byId, {}, tokens.hr);
    try {
      await waitForSubscribers(gateway.url, 2, true);
      const financeEntry = await createPublic('finance', tokens.financeAnalyst);
      const legalEntry = await createPublic('legal', tokens.legal);
      // Finance's change carries Finance's id, so only the subscriber of every change hears it.
      expect((await legalById.next()).knowledgeUpdates).toEqual({
        change: 'CREATED',
        entryId: legalEntry,
        departmentSlug: 'legal',
      });
      expect((await everything.next()).knowledgeUpdates.entryId).toBe(financeEntry);
      expect((await everything.next()).knowledgeUpdates.entryId).toBe(legalEntry);
    } finally {
      await Promise.all([legalById.close(), everything.close()]);
    }
  }, 60_000);

  it('refuses a department named both by id and by slug as BAD_USER_INPUT', async () => {
    const both = subscribe<Change>(
      gateway.wsUrl,
      `subscription($id: ID, $slug: String) {
        knowledgeUpdates(departmentId: $id, departmentSlug: $slug) { change }
      }`,
      { id: departmentIds.get('legal'), slug: 'legal' },
      tokens.legal,
    );
    try {
      const refused = await both.next().then(
        () => 'delivered',
        (error: unknown) => JSON.stringify(error),
      );
      expect(refused).toContain('BAD_USER_INPUT');
      expect(refused).toContain('EXCLUSIVE_ARGUMENTS');
    } finally {
      await both.close();
    }
  });
});
