import { resolve } from 'node:path';
import { Neo4jLaunchError, startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import { dataDir, type ServiceName, type StackConfig } from './config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { startEmbeddedRedis } from './embedded-redis.js';
import type { Reporter } from './progress.js';
import { redactUrl } from './redact.js';
import { PortInUseError, StartupError } from './startup-error.js';

export interface StackStores {
  databaseUrl: string;
  neo4jUri: string;
  /** Set when the services share Redis (REDIS_URL, or the embedded one of distributed mode). */
  redisUrl?: string;
}

/**
 * The stores the stack's services need: the configured ones, or embedded PostgreSQL and Neo4j
 * (ARCHITECTURE §4–5). Each embedded store's stop goes onto `stoppers`.
 */
export async function startStores(
  config: StackConfig,
  report: Reporter,
  stoppers: (() => Promise<void>)[],
  options: { needsRedis?: boolean } = {},
): Promise<StackStores> {
  let databaseUrl = config.DATABASE_URL;
  if (databaseUrl) {
    report.line(`  • PostgreSQL: ${redactUrl(databaseUrl)}`);
  } else {
    const postgres = await report.step(
      `PostgreSQL (embedded, 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT})`,
      () =>
        startEmbeddedPostgres({
          dataDir: dataDir(config),
          dataDirExplicit: config.DAENA_DATA_DIR !== undefined,
          port: config.EMBEDDED_POSTGRES_PORT,
          log: (message) => report.line(`    ${message}`),
        }),
    );
    report.line(`    data in ${postgres.clusterDir}`);
    stoppers.push(() => postgres.stop());
    databaseUrl = postgres.url;
  }
  let neo4jUri = config.NEO4J_URI;
  if (neo4jUri) {
    report.line(`  • Neo4j: ${redactUrl(neo4jUri)}`);
  } else {
    const neo4j = await report.step(
      `Neo4j 5.26 (embedded via the Maven launcher, bolt 127.0.0.1:${config.EMBEDDED_NEO4J_PORT}, data in ${dataDir(config)}/neo4j)`,
      () =>
        startEmbeddedNeo4j({
          dataDir: resolve(dataDir(config), 'neo4j'),
          boltPort: config.EMBEDDED_NEO4J_PORT,
          log: (message) => report.line(`    ${message}`),
        }).catch((error: unknown) => {
          throw explainNeo4jFailure(error, config.EMBEDDED_NEO4J_PORT);
        }),
    );
    stoppers.push(() => neo4j.stop());
    neo4jUri = neo4j.uri;
  }
  let redisUrl = config.REDIS_URL;
  if (redisUrl) {
    report.line(`  • Redis: ${redactUrl(redisUrl)}`);
  } else if (options.needsRedis) {
    const redis = await report.step(
      `Redis 6.2 (embedded, 127.0.0.1:${config.EMBEDDED_REDIS_PORT}, no persistence)`,
      () =>
        startEmbeddedRedis({
          dataDir: resolve(dataDir(config), 'redis'),
          port: config.EMBEDDED_REDIS_PORT,
          log: (message) => report.line(`    ${message}`),
        }),
    );
    stoppers.push(() => redis.stop());
    redisUrl = redis.url;
  }
  return { databaseUrl, neo4jUri, ...(redisUrl ? { redisUrl } : {}) };
}

/** The launcher's failures a user fixes (a port, Java), in the stack's words: what to change. */
function explainNeo4jFailure(error: unknown, port: number): unknown {
  if (!(error instanceof Neo4jLaunchError)) return error;
  if (error.code === 'NEO4J_PORT_IN_USE') {
    return new PortInUseError(
      port,
      'Neo4j Bolt',
      'EMBEDDED_NEO4J_PORT (or NEO4J_URI for your own Neo4j)',
    );
  }
  if (error.code === 'NEO4J_JAVA_MISSING' || error.code === 'NEO4J_JAVA_UNSUPPORTED') {
    return new StartupError(error.message.split('\n', 1)[0], { cause: error });
  }
  return error;
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
    ...(stores.redisUrl ? { REDIS_URL: stores.redisUrl } : {}),
    AGENTS_URL: url(ports.agents),
    DECISIONS_URL: url(ports.decisions),
    KNOWLEDGE_URL: url(ports.knowledge),
    METRICS_URL: url(ports.metrics),
  };
}

/**
 * What the stack's services inherit: the caller's environment; every service of the stack as the
 * metrics subgraph's scrape targets, unless the caller names its own; and over both, the stack's
 * addresses and stores (`stackServiceEnv`).
 */
export function stackChildEnv(
  env: NodeJS.ProcessEnv,
  config: StackConfig,
  ports: Record<ServiceName, number>,
  stores: StackStores,
): Record<string, string | undefined> {
  const targets = Object.values(ports).map((port) => `http://${config.HOST}:${port}/metrics`);
  return {
    METRICS_SCRAPE_TARGETS: targets.join(','),
    ...env,
    ...stackServiceEnv(config, ports, stores),
  };
}

/** Runs the stops in reverse order of start, each once, ignoring failures of the others. */
export function stopAll(stoppers: (() => Promise<void>)[]): () => Promise<void> {
  return async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => {});
  };
}
