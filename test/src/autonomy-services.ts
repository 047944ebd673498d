import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledgeService, loadKnowledgeConfig } from '@daena/knowledge';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import { Role, type RunningService } from '@daena/platform';
import { freePort, graphql, testPool, testStack, testToken, type TestStack } from '@daena/testing';
import type pg from 'pg';

/** What the autonomy e2e files start before agents: knowledge on a real Neo4j. */
export interface KnowledgeBeforeAgents {
  stack: TestStack;
  /** A pool on the stack's database, closed with the stack. */
  sql: pg.Pool;
  /** The embedded Neo4j's bolt URI. */
  graphUri: string;
  knowledge: RunningService;
  /** The port agents must start on: knowledge asks it for departments. */
  agentsPort: number;
}

/**
 * A test stack named `name` (its own database), an embedded Neo4j in a temporary folder and the
 * knowledge service on it, pointed at agents on a port picked here; agents starts later on that
 * port (after a seed, or with its own bus). Everything is closed with the stack.
 */
export async function knowledgeBeforeAgents(name: string): Promise<KnowledgeBeforeAgents> {
  const stack = await testStack(name);
  const sql = testPool(stack.database.url);
  stack.defer(() => sql.end());
  const dataDir = await mkdtemp(join(tmpdir(), `daena-${name}-`));
  stack.defer(() => rm(dataDir, { recursive: true, force: true }));
  const graph = await startEmbeddedNeo4j({ dataDir, boltPort: 0 });
  stack.defer(() => graph.stop());
  const agentsPort = await freePort();
  const knowledge = await stack.start(
    createKnowledgeService({
      config: loadKnowledgeConfig({
        PORT: '1',
        NEO4J_URI: graph.uri,
        AGENTS_URL: `http://127.0.0.1:${agentsPort}/graphql`,
        GRAPHQL_DEADLINE_MS: '60000',
      }),
      ...stack.dependencies,
    }),
  );
  return { stack, sql, graphUri: graph.uri, knowledge, agentsPort };
}

/** A department lead's new entry in knowledge at `knowledgeUrl`; returns its id. */
export async function writeEntryAsLead(
  knowledgeUrl: string,
  department: string,
  entry: { title: string; body: string; accessLevel: 'PUBLIC' | 'CONFIDENTIAL' },
): Promise<string> {
  const token = await testToken({
    sub: `${department}-lead`,
    roles: [Role.DEPARTMENT_LEAD],
    department,
  });
  const { body } = await graphql<{
    createKnowledgeEntries: { knowledgeEntries: { id: string }[] };
  }>(
    knowledgeUrl,
    `
      mutation ($input: [KnowledgeEntryCreateInput!]!) {
        createKnowledgeEntries(input: $input) {
          knowledgeEntries {
            id
          }
        }
      }
    `,
    { input: [{ ...entry, departmentSlug: department, sharedWithDepartments: [] }] },
    token,
  );
  const id = body.data?.createKnowledgeEntries.knowledgeEntries[0]?.id;
  if (!id) throw new Error(JSON.stringify(body.errors));
  return id;
}

/** Agents' departments at `agentsUrl`, by slug. */
export async function departmentIds(agentsUrl: string): Promise<Map<string, string>> {
  const { body } = await graphql<{ departments: { id: string; slug: string }[] }>(
    agentsUrl,
    '{ departments { id slug } }',
  );
  return new Map((body.data?.departments ?? []).map(({ id, slug }) => [slug, id]));
}
