import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret } from '@daena/testing';
import { expect } from 'vitest';
import { subscribe, waitForSubscribers } from './live.js';

const organizationQuery = '{ departments { id slug name agents { id name role } } }';
type Organization = {
  departments: {
    id: string;
    slug: string;
    name: string;
    agents: { id: string; name: string; role: string }[];
  }[];
};

/** The whole organization through the gateway: 8 departments with 8 agents each. */
export async function expectOrganization(gatewayUrl: string): Promise<Organization> {
  const { body } = await graphql<Organization>(gatewayUrl, organizationQuery);
  expect(body.errors).toBeUndefined();
  expect(body.data?.departments).toHaveLength(8);
  for (const department of body.data?.departments ?? []) expect(department.agents).toHaveLength(8);
  return body.data as Organization;
}

/** Knowledge through the gateway: access levels are enforced in Neo4j for each caller. */
export async function expectKnowledgeAccess(gatewayUrl: string): Promise<void> {
  const lead = await signToken(testJwtSecret, {
    sub: 'finance-lead',
    roles: [Role.DEPARTMENT_LEAD],
    department: 'finance',
  });
  const created = await graphql<{ createKnowledgeEntries: { knowledgeEntries: { id: string }[] } }>(
    gatewayUrl,
    `
      mutation ($input: [KnowledgeEntryCreateInput!]!) {
        createKnowledgeEntries(input: $input) {
          knowledgeEntries {
            id
          }
        }
      }
    `,
    {
      input: [
        {
          title: 'Expense policy',
          body: 'Receipts within 30 days.',
          departmentSlug: 'finance',
          accessLevel: 'PUBLIC',
          sharedWithDepartments: [],
        },
        {
          title: 'Q3 forecast',
          body: 'Draft numbers.',
          departmentSlug: 'finance',
          accessLevel: 'CONFIDENTIAL',
          sharedWithDepartments: [],
        },
      ],
    },
    lead,
  );
  expect(created.body.errors).toBeUndefined();
  const read = (token?: string) =>
    graphql<{ knowledgeEntries: { title: string }[] }>(
      gatewayUrl,
      '{ knowledgeEntries(where: { departmentSlug: { eq: "finance" } }) { title } }',
      {},
      token,
    );
  const anonymous = await read();
  expect(anonymous.body.data?.knowledgeEntries.map((e) => e.title)).toEqual(['Expense policy']);
  const insider = await read(lead);
  expect(insider.body.data?.knowledgeEntries.map((e) => e.title).sort()).toEqual([
    'Expense policy',
    'Q3 forecast',
  ]);
  const anonymousWrite = await graphql(
    gatewayUrl,
    `
      mutation {
        createKnowledgeEntries(
          input: [
            {
              title: "x"
              body: "y"
              departmentSlug: "finance"
              accessLevel: PUBLIC
              sharedWithDepartments: []
            }
          ]
        ) {
          knowledgeEntries {
            id
          }
        }
      }
    `,
  );
  expect(anonymousWrite.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
}

/** Bad input at the gateway: standard codes over HTTP, an explicit close code over WebSocket. */
export async function expectGatewayRejectsBadInput(gatewayUrl: string): Promise<void> {
  const malformed = await graphql(gatewayUrl, '{ departments { name ');
  // GraphQL over HTTP: a request error answers 200 under application/json (400 under
  // application/graphql-response+json), with the code in the body.
  expect(malformed.status).toBe(200);
  expect(malformed.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');

  const unknownField = await graphql(gatewayUrl, '{ departments { salary } }');
  expect(unknownField.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');

  const forged = await signToken('not-the-gateway-secret-at-all', {
    sub: 'mallory',
    roles: [Role.ADMIN],
  });
  const badToken = await graphql(gatewayUrl, '{ departments { name } }', {}, forged);
  expect(badToken.status).toBe(401);
  expect(badToken.body.errors?.[0]?.extensions).toMatchObject({
    code: 'UNAUTHENTICATED',
    reason: 'TOKEN_INVALID',
  });

  const anonymousMutation = await graphql(
    gatewayUrl,
    'mutation { castVote(input: { proposalId: "x", agentId: "y", choice: APPROVE }) { id } }',
  );
  expect(anonymousMutation.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

  const closed = await new Promise<number>((resolve) => {
    const live = subscribe(
      gatewayUrl.replace(/^http/, 'ws'),
      '{ departments { name } }',
      {},
      forged,
    );
    live.next().catch((error: unknown) => {
      void live.close();
      resolve(Number((error as { code?: number }).code ?? 0));
    });
  });
  expect(closed).toBe(4403);
}

/** A paused agent shows live to `agentActivity` subscribers of its department, on any gateway. */
export async function expectLiveAgentActivity(
  subscriberGateway: string,
  actorGateway: string,
): Promise<void> {
  const organization = await expectOrganization(actorGateway);
  const finance = organization.departments.find((d) => d.slug === 'finance');
  const agent = finance?.agents.find((a) => a.role === 'RESEARCH_SCOUT');
  if (!finance || !agent) throw new Error('no finance research scout');
  const read = await graphql<{ agent: { version: number } }>(
    actorGateway,
    'query ($id: ID!) { agent(id: $id) { version } }',
    {
      id: agent.id,
    },
  );
  const version = read.body.data?.agent.version;
  type Activity = { agentActivity: { id: string; status: string; department: { name: string } } };
  // Earlier tests' subscriptions must be gone, or they would be counted as this one.
  await waitForSubscribers(subscriberGateway, 0, true);
  const live = subscribe<Activity>(
    subscriberGateway.replace(/^http/, 'ws'),
    'subscription ($departmentId: ID) { agentActivity(departmentId: $departmentId) { id status department { name } } }',
    { departmentId: finance.id },
  );
  try {
    const next = live.next();
    await waitForSubscribers(subscriberGateway, 1);
    const lead = await signToken(testJwtSecret, {
      sub: 'finance-lead',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'finance',
    });
    const paused = await graphql(
      actorGateway,
      'mutation ($id: ID!, $version: Int!) { pauseAgent(id: $id, version: $version) { status } }',
      { id: agent.id, version },
      lead,
    );
    expect(paused.body.errors).toBeUndefined();
    expect((await next).agentActivity).toEqual({
      id: agent.id,
      status: 'PAUSED',
      department: { name: 'Finance' },
    });
  } finally {
    await live.close();
  }
}
