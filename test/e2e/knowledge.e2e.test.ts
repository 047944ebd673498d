import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledgeService, loadKnowledgeConfig } from '@daena/knowledge';
import { loadGatewayConfig, startGateway } from '@daena/gateway';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import { Role } from '@daena/platform';
import { freePort, graphql, testStack, testToken, type TestStack } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The knowledge graph through the gateway (issue 16): the supergraph serves what the subgraph built. */
let stack: TestStack;
let gatewayUrl: string;
const tokens = {} as Record<'finance' | 'legal', string>;

beforeAll(async () => {
  stack = await testStack('knowledge_e2e', { database: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'daena-knowledge-e2e-'));
  stack.defer(() => rm(dataDir, { recursive: true, force: true }));
  const graph = await startEmbeddedNeo4j({ dataDir, boltPort: 0 });
  stack.defer(() => graph.stop());
  const knowledge = await stack.start(
    createKnowledgeService({
      config: loadKnowledgeConfig({ PORT: '1', NEO4J_URI: graph.uri }),
      ...stack.dependencies,
    }),
  );
  const config = loadGatewayConfig({
    PORT: String(await freePort()),
    KNOWLEDGE_URL: knowledge.url,
    RESPONSE_CACHE_MB: '0',
    AUDIT_ENABLED: 'false',
  });
  const gateway = stack.track(await startGateway({ config, ...stack.dependencies }));
  await gateway.ready;
  gatewayUrl = gateway.url;
  tokens.finance = await testToken({ sub: 'fin-1', roles: [Role.AGENT], department: 'finance' });
  tokens.legal = await testToken({ sub: 'legal-1', roles: [Role.AGENT], department: 'legal' });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const call = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  graphql<T>(gatewayUrl, query, variables, token);

const create = `mutation($input: [KnowledgeEntryCreateInput!]!) {
  createKnowledgeEntries(input: $input) {
    knowledgeEntries { id kind suggestedAccessLevel personalData version }
  }
}`;

describe('knowledge through the gateway', () => {
  it('classifies, links, searches, walks and versions entries within each caller’s access', async () => {
    const entry = (title: string, body: string, accessLevel: string, extra = {}) => ({
      title,
      body,
      accessLevel,
      departmentSlug: 'finance',
      sharedWithDepartments: [],
      ...extra,
    });
    const written = await call<{
      createKnowledgeEntries: {
        knowledgeEntries: {
          id: string;
          kind: string;
          suggestedAccessLevel: string;
          personalData: string[];
          version: number;
        }[];
      };
    }>(
      create,
      {
        input: [
          entry('Osprey payment run policy', 'Payment runs must be approved twice.', 'PUBLIC'),
          entry('Osprey payment run contacts', 'Treasury: tess@example.com', 'CONFIDENTIAL'),
        ],
      },
      tokens.finance,
    );
    expect(written.body.errors).toBeUndefined();
    const [policy, contacts] = written.body.data?.createKnowledgeEntries.knowledgeEntries ?? [];
    expect(policy).toMatchObject({ kind: 'POLICY', suggestedAccessLevel: 'PUBLIC', version: 1 });
    expect(contacts).toMatchObject({
      suggestedAccessLevel: 'CONFIDENTIAL',
      personalData: ['EMAIL'],
    });

    const search = `query($p: String!) { searchKnowledge(phrase: $p) { edges { node { id } } } }`;
    const found = async (token: string) =>
      (
        await call<{ searchKnowledge: { edges: { node: { id: string } }[] } }>(
          search,
          { p: 'osprey payment" OR *:*' },
          token,
        )
      ).body.data?.searchKnowledge.edges.map((e) => e.node.id);
    expect((await found(tokens.finance))?.sort()).toEqual([policy?.id, contacts?.id].sort());
    expect(await found(tokens.legal)).toEqual([policy?.id]);

    const walk = `query($id: ID!) { relatedKnowledge(id: $id, depth: 2) { id } }`;
    const walked = await call<{ relatedKnowledge: { id: string }[] }>(
      walk,
      { id: policy?.id },
      tokens.finance,
    );
    const walkedByLegal = await call<{ relatedKnowledge: { id: string }[] }>(
      walk,
      { id: policy?.id },
      tokens.legal,
    );
    expect(walked.body.data?.relatedKnowledge).toEqual([{ id: contacts?.id }]);
    expect(walkedByLegal.body.data?.relatedKnowledge).toEqual([]);

    const revise = `mutation($id: ID!) {
      updateKnowledgeEntries(where: { id: { eq: $id } }, update: { body: { set: "Payment runs need two approvers." } }) {
        knowledgeEntries { version history { version body } }
      }
    }`;
    const revised = await call(revise, { id: policy?.id }, tokens.finance);
    expect(revised.body.data).toEqual({
      updateKnowledgeEntries: {
        knowledgeEntries: [
          { version: 2, history: [{ version: 1, body: 'Payment runs must be approved twice.' }] },
        ],
      },
    });
  });
});
