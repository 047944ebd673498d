import { resolve } from 'node:path';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import type { StackConfig } from './config.js';
import { redactUrl } from './redact.js';
import type { Reporter } from './progress.js';

/** NEO4J_URI when set; else Neo4j 5.26 through the repository's Maven launcher (ARCHITECTURE §5). */
export async function startNeo4jUnlessConfigured(
  config: StackConfig,
  report: Reporter,
): Promise<{ uri: string; stop?: () => Promise<void> }> {
  if (config.NEO4J_URI) {
    report.line(`  • Neo4j: ${redactUrl(config.NEO4J_URI)}`);
    return { uri: config.NEO4J_URI };
  }
  const dataDir = resolve(config.DAENA_DATA_DIR, 'neo4j');
  const neo4j = await report.step(
    `Neo4j 5.26 (embedded via the Maven launcher, bolt 127.0.0.1:${config.EMBEDDED_NEO4J_PORT}, data in ${config.DAENA_DATA_DIR}/neo4j)`,
    () =>
      startEmbeddedNeo4j({
        dataDir,
        boltPort: config.EMBEDDED_NEO4J_PORT,
        log: (message) => report.line(`    ${message}`),
      }),
  );
  return { uri: neo4j.uri, stop: () => neo4j.stop() };
}
