import { Role, signToken } from '@daena/platform';
import { Events, type AgentMessageSent } from '@daena/contracts';
import { graphql, testJwtSecret } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexDistance } from '../src/organization/domain/honeycomb.js';
import { maxMessageBodyLength } from '../src/messaging/domain/message-plan.js';
import { agentsOnTestDatabase, type AgentsOnTestDatabase } from './start-agents.js';

let stack: AgentsOnTestDatabase<AgentMessageSent>;

type AgentView = {
  id: string;
  slug: string;
  name: string;
  department: { id: string; slug: string };
};
const agents = new Map<string, AgentView>();

beforeAll(async () => {
  stack = await agentsOnTestDatabase('messages', Events.agentMessageSent);
  const { body } = await graphql<{ agents: AgentView[] }>(
    stack.service.url,
    '{ agents { id slug name department { id slug } } }',
  );
  for (const agent of body.data?.agents ?? []) agents.set(agent.slug, agent);
});
afterAll(() => stack?.close());

const id = (slug: string) => {
  const agent = agents.get(slug);
  if (!agent) throw new Error(`no agent ${slug}`);
  return agent.id;
};
const asAgent = (slug: string) => signToken(testJwtSecret, { sub: id(slug), roles: [Role.AGENT] });
const asAdmin = () => signToken(testJwtSecret, { sub: 'admin', roles: [Role.ADMIN] });

const pathFields =
  'hops { kind agent { slug } department { slug } } departments { slug hex { q r } } length';
const messageFields = `id topic body sentAt recipientCount from { slug } to { slug } department { slug } relays { slug } path { ${pathFields} }`;

type PathView = {
  hops: { kind: string; agent: { slug: string } | null; department: { slug: string } | null }[];
  departments: { slug: string; hex: { q: number; r: number } }[];
  length: number;
};
type MessageView = {
  id: string;
  topic: string;
  body: string;
  recipientCount: number;
  from: { slug: string };
  to: { slug: string } | null;
  relays: { slug: string }[];
  path: PathView | null;
};

function send(
  input: { from: string; topic: string; to?: string | null; body: string },
  token: string | undefined,
) {
  return graphql<{ sendMessage: MessageView }>(
    stack.service.url,
    `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { ${messageFields} } }`,
    {
      input: {
        fromAgentId: input.from,
        topic: input.topic,
        toAgentId: input.to ?? null,
        body: input.body,
      },
    },
    token,
  );
}

type Page = {
  nodes: MessageView[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: number;
};

function inbox(
  agent: string,
  args: { first?: number; after?: string | null; topic?: string; kind?: string },
  token: string | undefined,
  fields = messageFields,
) {
  return graphql<{ agentInbox: Page }>(
    stack.service.url,
    `query ($agentId: ID!, $first: Int, $after: String, $topic: MessageTopic, $kind: DeliveryKind) {
      agentInbox(agentId: $agentId, first: $first, after: $after, topic: $topic, kind: $kind) {
        nodes { ${fields} } pageInfo { endCursor hasNextPage hasPreviousPage } totalCount
      }
    }`,
    { agentId: id(agent), ...args },
    token,
  );
}

async function rowCounts(): Promise<{ messages: number; deliveries: number }> {
  const { rows } = await stack.sql.query<{ messages: number; deliveries: number }>(
    `select (select count(*)::int from agents.messages) as messages,
            (select count(*)::int from agents.message_deliveries) as deliveries`,
  );
  return rows[0] as { messages: number; deliveries: number };
}

const borders = ['finance', 'hr', 'engineering', 'legal'].map((d) => `${d}-border-agent`);

describe('a Finance scout messages a Legal synthesizer in a non-adjacent cell', () => {
  it('shows the path through the Border Agents of a shortest chain of neighbouring cells', async () => {
    const { body } = await graphql<{ communicationPath: PathView }>(
      stack.service.url,
      `query ($from: ID!, $to: ID!) { communicationPath(from: $from, to: $to) { ${pathFields} } }`,
      { from: id('finance-data-scout'), to: id('legal-synthesizer') },
    );
    expect(body.errors).toBeUndefined();
    const path = body.data?.communicationPath as PathView;
    expect(path.hops.map((hop) => [hop.kind, hop.agent?.slug, hop.department?.slug])).toEqual([
      ['SENDER', 'finance-data-scout', 'finance'],
      ...borders.map((slug) => ['BORDER', slug, slug.replace('-border-agent', '')]),
      ['RECIPIENT', 'legal-synthesizer', 'legal'],
    ]);
    expect(path.length).toBe(5);
    // Each step crosses one shared edge, and no chain of cells could be shorter.
    const cells = path.departments.map((department) => department.hex);
    expect(cells.slice(1).map((cell, i) => hexDistance(cells[i] ?? cell, cell))).toEqual([1, 1, 1]);
    const [finance, legal] = [cells.at(0), cells.at(-1)];
    expect(finance && legal && hexDistance(finance, legal)).toBe(3);
  });

  it('stores the message, delivers it along that path and announces it once', async () => {
    const before = stack.events.length;
    const { body } = await send(
      {
        from: id('finance-data-scout'),
        topic: 'DIRECT',
        to: id('legal-synthesizer'),
        body: 'Q3 vendor contracts breach the new data-retention clause?',
      },
      await asAgent('finance-data-scout'),
    );
    expect(body.errors).toBeUndefined();
    const message = body.data?.sendMessage as MessageView;
    expect(message).toMatchObject({
      topic: 'DIRECT',
      recipientCount: 1,
      from: { slug: 'finance-data-scout' },
      to: { slug: 'legal-synthesizer' },
      relays: borders.map((slug) => ({ slug })),
    });
    expect(message.path?.hops.map((hop) => hop.agent?.slug)).toEqual([
      'finance-data-scout',
      ...borders,
      'legal-synthesizer',
    ]);
    expect(stack.events.slice(before).map((event) => event.data)).toEqual([
      {
        messageId: message.id,
        topic: 'DIRECT',
        fromAgentId: id('finance-data-scout'),
        fromDepartmentId: agents.get('finance-data-scout')?.department.id,
        crossesCells: true,
        recipientAgentIds: [id('legal-synthesizer')],
        viaAgentIds: borders.map(id),
      },
    ]);

    const received = await inbox('legal-synthesizer', {}, await asAgent('legal-synthesizer'));
    expect(received.body.data?.agentInbox.nodes.map((m) => m.id)).toEqual([message.id]);
    const relayed = await inbox('hr-border-agent', { kind: 'RELAYED' }, await asAdmin());
    expect(relayed.body.data?.agentInbox.nodes.map((m) => m.id)).toEqual([message.id]);
    const outbox = await inbox('finance-data-scout', { kind: 'SENT' }, await asAdmin());
    expect(outbox.body.data?.agentInbox.nodes.map((m) => m.id)).toEqual([message.id]);
  });
});

describe('inboxes', () => {
  it('pages newest first with opaque cursors, each message once, and filters by topic', async () => {
    const lead = await signToken(testJwtSecret, {
      sub: 'product-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'product',
    });
    const bodies = ['one', 'two', 'three', 'four', 'five'];
    for (const text of bodies) {
      const direct = await send(
        {
          from: id('product-growth-advisor'),
          topic: 'DIRECT',
          to: id('sales-synthesizer'),
          body: text,
        },
        lead,
      );
      expect(direct.body.errors).toBeUndefined();
    }
    const cell = await send(
      { from: id('sales-data-scout'), topic: 'CELL', body: 'cell news' },
      await asAgent('sales-data-scout'),
    );
    expect(cell.body.data?.sendMessage.recipientCount).toBe(7);

    const token = await asAgent('sales-synthesizer');
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await inbox('sales-synthesizer', { first: 2, after }, token, 'body');
      const { nodes, pageInfo, totalCount } = result.body.data?.agentInbox as Page;
      expect(totalCount).toBe(6);
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...nodes.map((m) => m.body));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(['cell news', ...[...bodies].reverse()]);

    const cellOnly = await inbox('sales-synthesizer', { topic: 'CELL' }, token, 'body');
    expect(cellOnly.body.data?.agentInbox).toMatchObject({
      nodes: [{ body: 'cell news' }],
      totalCount: 1,
    });
    const badCursor = await inbox('sales-synthesizer', { after: 'bm90LWEtY3Vyc29y' }, token);
    expect(badCursor.body.errors?.[0]?.extensions?.['reason']).toBe('INVALID_CURSOR');
  });

  it('resolves a page with its agents, departments and paths in a constant number of queries', async () => {
    const statements = async () => {
      const text = await (await fetch(stack.service.url.replace(/\/graphql$/, '/metrics'))).text();
      return Number(/^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1]);
    };
    const token = await asAgent('sales-synthesizer');
    const cost = async (first: number) => {
      const start = await statements();
      const result = await inbox('sales-synthesizer', { first }, token);
      expect(result.body.data?.agentInbox.nodes).toHaveLength(first);
      return (await statements()) - start;
    };
    // Both pages hold DIRECT messages with paths; five messages cost what two do.
    expect(await cost(5)).toBe(await cost(2));
  });

  it('lets only admins, executives, the agent and its lead read its messages', async () => {
    const stranger = await inbox('legal-synthesizer', {}, await asAgent('legal-data-scout'));
    expect(stranger.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_THE_RECIPIENT',
    });
    const anonymous = await inbox('legal-synthesizer', {}, undefined);
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const lead = await signToken(testJwtSecret, {
      sub: 'legal-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'legal',
    });
    expect((await inbox('legal-synthesizer', {}, lead)).body.errors).toBeUndefined();
  });

  it('answers the subscription twin with a received message, and null for one it did not receive', async () => {
    const { body } = await send(
      {
        from: id('hr-execution-agent'),
        topic: 'DIRECT',
        to: id('marketing-synthesizer'),
        body: 'hi',
      },
      await asAdmin(),
    );
    const messageId = body.data?.sendMessage.id;
    const twin = (agent: string) =>
      graphql<{ agentMessages: { id: string; from: { slug: string } } | null }>(
        stack.service.url,
        'query ($agentId: ID!, $messageId: ID) { agentMessages(agentId: $agentId, messageId: $messageId) { id from { slug } } }',
        { agentId: id(agent), messageId },
        undefined,
      );
    const admin = await asAdmin();
    const call = async (agent: string, message: string | null | undefined = messageId) =>
      (
        await graphql<{ agentMessages: { id: string } | null }>(
          stack.service.url,
          'query ($agentId: ID!, $messageId: ID) { agentMessages(agentId: $agentId, messageId: $messageId) { id } }',
          { agentId: id(agent), messageId: message },
          admin,
        )
      ).body.data?.agentMessages;
    expect(await call('marketing-synthesizer')).toEqual({ id: messageId });
    expect(await call('marketing-synthesizer', null)).toEqual({ id: messageId });
    expect(await call('marketing-border-agent')).toBeNull();
    expect(await call('marketing-synthesizer', 'not-an-id')).toBeNull();
    expect((await twin('marketing-synthesizer')).body.errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('sends RADIAL messages out along the spoke to the hub, read by executives', async () => {
    const radial = await send(
      { from: id('legal-strategic-advisor'), topic: 'RADIAL', body: 'Escalating: contract risk' },
      await asAgent('legal-strategic-advisor'),
    );
    expect(radial.body.errors).toBeUndefined();
    expect(radial.body.data?.sendMessage.path?.hops.map((h) => [h.kind, h.agent?.slug])).toEqual([
      ['SENDER', 'legal-strategic-advisor'],
      ['BORDER', 'legal-border-agent'],
      ['BORDER', 'engineering-border-agent'],
      ['HUB', undefined],
    ]);
    const executive = await signToken(testJwtSecret, { sub: 'ceo', roles: [Role.EXECUTIVE] });
    const hub = await graphql<{ hubInbox: Page }>(
      stack.service.url,
      '{ hubInbox(first: 5) { nodes { body from { slug } } totalCount } }',
      {},
      executive,
    );
    expect(hub.body.data?.hubInbox).toEqual({
      nodes: [{ body: 'Escalating: contract risk', from: { slug: 'legal-strategic-advisor' } }],
      totalCount: 1,
    });
  });
});

describe('refused messages: a typed error with a code, and nothing written', () => {
  const scout = () => id('finance-data-scout');
  const synthesizer = () => id('legal-synthesizer');

  it.each<[string, () => Promise<Parameters<typeof send>>, Record<string, string>]>([
    [
      'a message to oneself',
      async () => [
        { from: scout(), topic: 'DIRECT', to: scout(), body: 'note to self' },
        await asAdmin(),
      ],
      { code: 'BAD_USER_INPUT', reason: 'CANNOT_MESSAGE_SELF' },
    ],
    [
      'an unknown topic',
      async () => [{ from: scout(), topic: 'GOSSIP', body: 'psst' }, await asAdmin()],
      { code: 'BAD_USER_INPUT' },
    ],
    [
      'an oversize body',
      async () => [
        {
          from: scout(),
          topic: 'DIRECT',
          to: synthesizer(),
          body: 'x'.repeat(maxMessageBodyLength + 1),
        },
        await asAdmin(),
      ],
      { code: 'BAD_USER_INPUT', reason: 'MESSAGE_TOO_LARGE' },
    ],
    [
      'an unknown addressee',
      async () => [
        { from: scout(), topic: 'DIRECT', to: '00000000-0000-4000-8000-000000000000', body: 'hi' },
        await asAdmin(),
      ],
      { code: 'NOT_FOUND', reason: 'AGENT_NOT_FOUND' },
    ],
    [
      'a malformed sender id',
      async () => [{ from: 'not-an-id', topic: 'CELL', body: 'hi' }, await asAdmin()],
      { code: 'NOT_FOUND', reason: 'AGENT_NOT_FOUND' },
    ],
    [
      'an addressee on a broadcast',
      async () => [
        { from: scout(), topic: 'GLOBAL', to: synthesizer(), body: 'hi' },
        await asAdmin(),
      ],
      { code: 'BAD_USER_INPUT', reason: 'ADDRESSEE_NOT_ALLOWED' },
    ],
    [
      'an anonymous caller',
      async () => [{ from: scout(), topic: 'CELL', body: 'hi' }, undefined],
      { code: 'UNAUTHENTICATED' },
    ],
    [
      'another agent sending as the scout',
      async () => [
        { from: scout(), topic: 'CELL', body: 'hi' },
        await asAgent('legal-synthesizer'),
      ],
      { code: 'FORBIDDEN', reason: 'NOT_THE_SENDER' },
    ],
  ])('refuses %s', async (_case, request, error) => {
    const before = { rows: await rowCounts(), events: stack.events.length };
    const result = await send(...(await request()));
    expect(result.body.errors?.[0]?.extensions).toMatchObject(error);
    expect(result.body.data?.sendMessage ?? null).toBeNull();
    expect({ rows: await rowCounts(), events: stack.events.length }).toEqual(before);
  });

  it('refuses a retired addressee with CONFLICT and routes around a retired Border Agent', async () => {
    await stack.sql.query('update agents.agents set retired_at = now() where slug = any($1)', [
      ['customer-success-synthesizer', 'hr-border-agent'],
    ]);
    const before = { rows: await rowCounts(), events: stack.events.length };
    const retired = await send(
      { from: scout(), topic: 'DIRECT', to: id('customer-success-synthesizer'), body: 'hi' },
      await asAdmin(),
    );
    expect(retired.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENT_RETIRED',
    });
    const ring = await send({ from: scout(), topic: 'RING', body: 'hi' }, await asAdmin());
    expect(ring.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_ROUTE',
    });
    expect({ rows: await rowCounts(), events: stack.events.length }).toEqual(before);

    const around = await graphql<{ communicationPath: PathView }>(
      stack.service.url,
      'query ($from: ID!, $to: ID!) { communicationPath(from: $from, to: $to) { departments { slug } } }',
      { from: scout(), to: synthesizer() },
    );
    expect(around.body.data?.communicationPath.departments.map((d) => d.slug)).toEqual([
      'finance',
      'marketing',
      'sales',
      'product',
      'engineering',
      'legal',
    ]);
  });

  it('keeps the body bound in the database too', async () => {
    const accepted = await send(
      { from: scout(), topic: 'DIRECT', to: synthesizer(), body: 'y'.repeat(maxMessageBodyLength) },
      await asAdmin(),
    );
    expect(accepted.body.errors).toBeUndefined();
    await expect(
      stack.sql.query("update agents.messages set body = body || 'y' where id = $1", [
        accepted.body.data?.sendMessage.id,
      ]),
    ).rejects.toThrow(/check constraint/);
  });
});
