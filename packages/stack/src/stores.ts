import { resolve } from 'node:path';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import type { ServiceName, StackConfig } from './config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { Reporter } from './progress.js';
import { redactUrl } from './redact.js';

export interface StackStores {
  databaseUrl: string;
  neo4jUri: string;
}

/**
 * The stores the stack's services need: the configured ones, or embedded PostgreSQL and Neo4j
 * (ARCHITECTURE §4–5). Each embedded store's stop goes onto `stoppers`.
 */
export async function startStores(
  config: StackConfig,
  report: Reporter,
  stoppers: (() => Promise<void>)[],
): Promise<StackStores> {
  let databaseUrl = config.DATABASE_URL;
  if (databaseUrl) {
    report.line(`  • PostgreSQL: ${redactUrl(databaseUrl)}`);
  } else {
    const postgres = await report.step(
      `PostgreSQL (embedded, 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}, data in ${config.DAENA_DATA_DIR}/postgres)`,
      () =>
        startEmbeddedPostgres({
          dataDir: config.DAENA_DATA_DIR,
          port: config.EMBEDDED_POSTGRES_PORT,
          log: (message) => report.line(`    ${message}`),
        }),
    );
    stoppers.push(() => postgres.stop());
    databaseUrl = postgres.url;
  }
  let neo4jUri = config.NEO4J_URI;
  if (neo4jUri) {
    report.line(`  • Neo4j: ${redactUrl(neo4jUri)}`);
  } else {
    const neo4j = await report.step(
      `Neo4j 5.26 (embedded via the Maven launcher, bolt 127.0.0.1:${config.EMBEDDED_NEO4J_PORT}, data in ${config.DAENA_DATA_DIR}/neo4j)`,
      () =>
        startEmbeddedNeo4j({
          dataDir: resolve(config.DAENA_DATA_DIR, 'neo4j'),
          boltPort: config.EMBEDDED_NEO4J_PORT,
          log: (message) => report.line(`    ${message}`),
        }),
    );
    stoppers.push(() => neo4j.stop());
    neo4jUri = neo4j.uri;
  }
  if (config.REDIS_URL) report.line(`  • Redis: ${redactUrl(config.REDIS_URL)}`);
  return { databaseUrl, neo4jUri };
}

/** The env every service of the stack reads: its stores and where the subgraphs listen. */
export function stackServiceEnv(
  config: StackConfig,
  ports: Record<ServiceName, number>,
  stores: StackStores,
): Record<string, string> {
  const url = (port: number) => `http://${config.HOST}:${port}/graphql`;
  return {
    HOST: config.HOST,
    DATABASE_URL: stores.databaseUrl,
    NEO4J_URI: stores.neo4jUri,
    AGENTS_URL: url(ports.agents),
    DECISIONS_URL: url(ports.decisions),
    KNOWLEDGE_URL: url(ports.knowledge),
    METRICS_URL: url(ports.metrics),
  };
}

/** Runs the stops in reverse order of start, each once, ignoring failures of the others. */
export function stopAll(stoppers: (() => Promise<void>)[]): () => Promise<void> {
  return async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => {});
  };
}
