import type { Logger, StoreConnector } from '@daena/platform';
import neo4j, { type Driver } from 'neo4j-driver';
import { idempotencyConstraint } from './entry-idempotency.js';
import { openShareConstraint } from './share-graph.js';

/** A Neo4j connection for the platform's start-up, /readyz and shutdown. */
export interface Neo4jStore extends StoreConnector {
  /** Created at once (no I/O until first use), so the schema can be built before connecting. */
  readonly driver: Driver;
}

export interface Neo4jStoreOptions {
  uri: string;
  user?: string | undefined;
  password?: string | undefined;
  log: Logger;
}

/**
 * Idempotent schema statements, run on every connect. Neo4j community has no property type or
 * existence constraints, so the unique id, lookup and full-text indexes are all it gets; the filters of the
 * `@authorization` rules look entries up by these properties.
 */
const knowledgeSchemaStatements = [
  'CREATE CONSTRAINT knowledge_entry_id IF NOT EXISTS FOR (entry:KnowledgeEntry) REQUIRE entry.id IS UNIQUE',
  'CREATE INDEX knowledge_entry_department IF NOT EXISTS FOR (entry:KnowledgeEntry) ON (entry.departmentSlug)',
  'CREATE INDEX knowledge_entry_access_level IF NOT EXISTS FOR (entry:KnowledgeEntry) ON (entry.accessLevel)',
  'CREATE INDEX knowledge_entry_owner IF NOT EXISTS FOR (entry:KnowledgeEntry) ON (entry.ownerId)',
  // One entry per caller and idempotency key (entry-idempotency.ts), also under concurrency.
  `CREATE CONSTRAINT ${idempotencyConstraint} IF NOT EXISTS FOR (entry:KnowledgeEntry) REQUIRE (entry.ownerId, entry.idempotencyKey) IS UNIQUE`,
  // The `@fulltext` index of searchKnowledge and of related-entry linking (Lucene, BM25).
  'CREATE FULLTEXT INDEX knowledge_entry_text IF NOT EXISTS FOR (entry:KnowledgeEntry) ON EACH [entry.title, entry.body]',
  'CREATE INDEX knowledge_version_entry IF NOT EXISTS FOR (version:KnowledgeVersion) ON (version.entryId)',
  'CREATE INDEX knowledge_version_access_level IF NOT EXISTS FOR (version:KnowledgeVersion) ON (version.accessLevel)',
  'CREATE INDEX topic_department IF NOT EXISTS FOR (topic:Topic) ON (topic.departmentSlug)',
  // One open share per entry and target department (share-graph.ts), also under concurrency.
  `CREATE CONSTRAINT ${openShareConstraint} IF NOT EXISTS FOR (share:KnowledgeShare) REQUIRE share.openKey IS UNIQUE`,
  'CREATE INDEX knowledge_share_id IF NOT EXISTS FOR (share:KnowledgeShare) ON (share.id)',
  // The outbox of share messages and its retry (relay-outbox.ts).
  'CREATE INDEX knowledge_relay_id IF NOT EXISTS FOR (relay:KnowledgeRelay) ON (relay.id)',
  'CREATE INDEX knowledge_relay_due IF NOT EXISTS FOR (relay:KnowledgeRelay) ON (relay.nextAttemptAt)',
  // Change records: read by id (the knowledgeUpdates twin), pruned oldest first (retention).
  'CREATE INDEX knowledge_change_id IF NOT EXISTS FOR (change:KnowledgeChange) ON (change.id)',
  'CREATE INDEX knowledge_change_at IF NOT EXISTS FOR (change:KnowledgeChange) ON (change.at)',
  // Agents' sweep reads the CREATED records since its cursor, oldest first (created-entries.ts).
  'CREATE INDEX knowledge_change_kind_at IF NOT EXISTS FOR (change:KnowledgeChange) ON (change.change, change.at)',
] as const;

export function createNeo4jStore(options: Neo4jStoreOptions): Neo4jStore {
  const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
  const driver = neo4j.driver(options.uri, auth, { userAgent: 'daena-knowledge' });
  return {
    name: 'neo4j',
    driver,
    async connect() {
      await driver.verifyConnectivity();
      // @neo4j/graphql's authorization rules compile to apoc.util.validatePredicate calls.
      await driver.executeQuery('RETURN apoc.version() AS version', {}, { routing: 'READ' });
      for (const statement of knowledgeSchemaStatements) await driver.executeQuery(statement);
      options.log.debug({ statements: knowledgeSchemaStatements.length }, 'neo4j schema ensured');
    },
    async check() {
      await driver.executeQuery('RETURN 1', {}, { routing: 'READ' });
    },
    close: () => driver.close(),
  };
}
