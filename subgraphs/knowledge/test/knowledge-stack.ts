import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import type { InProcessEventBus, RunningService, TokenClaims } from '@daena/platform';
import { graphql, testStack, testToken } from '@daena/testing';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadKnowledgeConfig } from '../src/config.js';
import { createKnowledgeService } from '../src/service.js';

/** A real embedded Neo4j (fresh data dir) and the knowledge service on a free port. */
export interface KnowledgeStack {
  readonly url: string;
  readonly bus: InProcessEventBus;
  readonly service: RunningService;
  /** A driver of the same database, for tests that run the operations (src/operations) directly. */
  readonly driver: Driver;
  call<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): ReturnType<typeof graphql<T>>;
  /** Entries with this title, counted by Cypher straight on the database. */
  countEntriesTitled(title: string): Promise<number>;
  /** One stored entry's properties, read by Cypher straight from the database. */
  storedEntry(id: string): Promise<Record<string, unknown> | null>;
  /** Rows of a Cypher statement run straight on the database (the tests' ground truth). */
  cypher<T = Record<string, unknown>>(
    statement: string,
    params?: Record<string, unknown>,
  ): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * `env` adds to the service's configuration (e.g. a longer deadline for a seeding fuzz). The
 * request deadline is a minute unless told: a fresh Neo4j's first writes (plans, indexes,
 * constraints) can take longer than the production 15 s on a loaded 2-core test machine, and no
 * test here is about the deadline.
 */
export async function startKnowledgeStack(
  env: Record<string, string> = {},
): Promise<KnowledgeStack> {
  const stack = await testStack('knowledge', { database: false });
  return stack.closeOnFailure(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'daena-knowledge-'));
    stack.defer(() => rm(dataDir, { recursive: true, force: true }));
    const graph = await startEmbeddedNeo4j({ dataDir, boltPort: 0 });
    stack.defer(() => graph.stop());
    const driver = stack.track(neo4j.driver(graph.uri));
    const service = await stack.start(
      createKnowledgeService({
        config: loadKnowledgeConfig({
          PORT: '1',
          NEO4J_URI: graph.uri,
          GRAPHQL_DEADLINE_MS: '60000',
          ...env,
        }),
        ...stack.dependencies,
      }),
    );

    return {
      url: service.url,
      bus: stack.bus,
      service,
      driver,
      call: (query, variables = {}, token) => graphql(service.url, query, variables, token),
      async countEntriesTitled(title) {
        const { records } = await driver.executeQuery(
          'MATCH (entry:KnowledgeEntry {title: $title}) RETURN count(entry) AS count',
          { title },
        );
        return Number(records[0]?.get('count') ?? -1);
      },
      async storedEntry(id) {
        const { records } = await driver.executeQuery(
          'MATCH (entry:KnowledgeEntry {id: $id}) RETURN properties(entry) AS entry',
          { id },
        );
        return (records[0]?.get('entry') as Record<string, unknown> | undefined) ?? null;
      },
      async cypher<T>(statement: string, params: Record<string, unknown> = {}) {
        const { records } = await driver.executeQuery(statement, params);
        return records.map((record) => record.toObject() as T);
      },
      close: stack.close,
    };
  });
}

export type AccessLevel = 'PUBLIC' | 'RESTRICTED' | 'CONFIDENTIAL' | 'PERSONAL';

export interface EntryInput {
  title: string;
  body: string;
  departmentSlug: string;
  accessLevel: AccessLevel;
  sharedWithDepartments: string[];
}

export interface Entry extends EntryInput {
  id: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

/** A finance PUBLIC entry with a unique title, unless told otherwise. */
export function entryInput(overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    title: `Entry ${randomUUID()}`,
    body: 'What we learned.',
    departmentSlug: 'finance',
    accessLevel: 'PUBLIC',
    sharedWithDepartments: [],
    ...overrides,
  };
}

export const entryFields =
  'id title body departmentSlug accessLevel sharedWithDepartments ownerId createdAt updatedAt';

export const createEntries = `mutation Create($input: [KnowledgeEntryCreateInput!]!) {
  createKnowledgeEntries(input: $input) { knowledgeEntries { ${entryFields} } }
}`;

export const listEntries = `{ knowledgeEntries(limit: 200) { id accessLevel } }`;

export const resolveEntities = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on KnowledgeEntry { id accessLevel } }
}`;

export const tokenFor = (claims: TokenClaims) => testToken(claims);
