/**
 * The knowledge graph at scale (issue 16): create, full-text search and relatedKnowledge(depth 2)
 * p50/p95 over GraphQL against an embedded Neo4j holding `--entries` entries (100,000 by
 * default), and the permission fuzz's throughput (queries checked per second, with its leaks).
 *
 * The fuzz runs first on its own seeded organization (written through the API). Then the bulk
 * of the entries is written straight in Cypher, in batches, and linked by the service's own
 * linking statement (BM25 from the full-text index), as the service does on each create: at this
 * size the API would take hours. Entries use a Zipf-distributed vocabulary of 2,000 words, so the
 * index and the related graph look like text. The service runs in this process; Neo4j in its JVM.
 * Writes test/bench/results/knowledge.json.
 *   node --conditions=source --import @daena/platform/register bench/knowledge.ts [--entries N]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchMachine } from './bench-machine.js';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import { Role } from '@daena/platform';
import {
  createKnowledgeService,
  inWriteTransaction,
  linkRelated,
  loadKnowledgeConfig,
  relatedQuery,
  searchLimits,
} from '@daena/knowledge';
import {
  edgesFrom,
  runFuzz,
  seededRandom,
  seedOrganization,
  type Call,
} from '@daena/knowledge/fuzz';
import { graphql, testStack, testToken } from '@daena/testing';
import neo4j from 'neo4j-driver';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '300' },
  },
});
const entryCount = Number(values.entries);
const samples = Number(values.samples);
const departments = [
  'engineering',
  'product',
  'sales',
  'marketing',
  'finance',
  'hr',
  'legal',
  'customer-success',
];
const levels = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL', 'PERSONAL'] as const;
const random = seededRandom(16);

/** Word i of the vocabulary with probability ∝ 1/(i+1) (Zipf, s = 1), as in natural text. */
const vocabulary = Array.from({ length: 2_000 }, (_, i) => `w${i.toString(36)}x`);
const zipfWeights = vocabulary.map((_, i) => 1 / (i + 1));
const zipfTotal = zipfWeights.reduce((a, b) => a + b, 0);
function word(): string {
  let r = random() * zipfTotal;
  for (let i = 0; i < vocabulary.length; i += 1) {
    r -= zipfWeights[i] as number;
    if (r <= 0) return vocabulary[i] as string;
  }
  return vocabulary[0] as string;
}
const words = (n: number) => Array.from({ length: n }, word).join(' ');
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, 'p50 ms': +at(0.5).toFixed(1), 'p95 ms': +at(0.95).toFixed(1) };
}

async function timed(count: number, run: (i: number) => Promise<{ errors?: unknown[] }>) {
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const body = await run(i);
    ms.push(performance.now() - start);
    if (body.errors?.length)
      throw new Error(`bench request failed: ${JSON.stringify(body.errors)}`);
  }
  return percentiles(ms);
}

const dataDir = await mkdtemp(join(os.tmpdir(), 'daena-knowledge-bench-'));
const graph = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '1g' });
const stack = await testStack('knowledge-bench', { database: false });
const driver = neo4j.driver(graph.uri);
try {
  const config = loadKnowledgeConfig({
    PORT: '1',
    NEO4J_URI: graph.uri,
    GRAPHQL_DEADLINE_MS: '120000',
  });
  const service = await stack.start(createKnowledgeService({ config, ...stack.dependencies }));
  const call: Call = (query, variables, token) => graphql(service.url, query, variables, token);

  // 1. The permission fuzz on its own organization, as the package test runs it.
  const org = await seedOrganization(call, seededRandom(16), {
    prefix: 'fz',
    departments: 5,
    entries: 100,
    revisions: 30,
  });
  const { records } = await driver.executeQuery(
    'MATCH (a:KnowledgeEntry)-[:RELATED_TO]->(b:KnowledgeEntry) RETURN a.id AS from, b.id AS to',
  );
  const truth = {
    edges: edgesFrom(
      records.map((r) => ({ from: r.get('from') as string, to: r.get('to') as string })),
    ),
  };
  const fuzzStart = performance.now();
  const report = await runFuzz(call, org, truth, seededRandom(17), {
    count: 2_000,
    concurrency: 8,
  });
  const fuzzSeconds = (performance.now() - fuzzStart) / 1000;

  // 2. The bulk, straight in Cypher, then linked by the service's statement.
  const loadStart = performance.now();
  const ids: string[] = [];
  for (let done = 0; done < entryCount; done += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, entryCount - done) }, () => {
      const id = crypto.randomUUID();
      ids.push(id);
      const departmentSlug = pick(departments);
      return {
        id,
        title: words(4),
        body: words(40),
        departmentSlug,
        accessLevel: pick(levels),
        sharedWithDepartments: departments.filter(() => random() < 0.2),
        ownerId: `${departmentSlug}-agent-${Math.floor(random() * 8)}`,
      };
    });
    await driver.executeQuery(
      `UNWIND $rows AS row
       CREATE (e:KnowledgeEntry) SET e = row, e.kind = 'NOTE', e.version = 1,
         e.suggestedAccessLevel = 'PUBLIC', e.personalData = [], e.createdAt = datetime(),
         e.updatedAt = datetime()`,
      { rows },
    );
  }
  const loadedSeconds = (performance.now() - loadStart) / 1000;
  const linkStart = performance.now();
  const { records: texts } = await driver.executeQuery(
    'MATCH (e:KnowledgeEntry) WHERE e.kind = "NOTE" AND e.version = 1 AND NOT e.departmentSlug STARTS WITH "fz-" RETURN e.id AS id, e.title AS title, e.body AS body',
  );
  const queries = texts.map((r) => ({
    id: r.get('id') as string,
    query: relatedQuery(r.get('title') as string, r.get('body') as string) ?? '',
  }));
  for (let done = 0; done < queries.length; done += 500) {
    await inWriteTransaction(driver, async (tx) => {
      await linkRelated(tx, queries.slice(done, done + 500), searchLimits);
      return { commit: true, value: null };
    });
  }
  const linkedSeconds = (performance.now() - linkStart) / 1000;
  const { records: counted } = await driver.executeQuery(
    'MATCH (:KnowledgeEntry)-[r:RELATED_TO]->() RETURN count(r) AS links, count { (:KnowledgeEntry) } AS entries',
  );
  const links = Number(counted[0]?.get('links'));
  const storedEntries = Number(counted[0]?.get('entries'));

  // 3. Latencies over GraphQL, one request at a time, as a department's agent.
  const tokens = await Promise.all(
    departments.map((department) =>
      testToken({ sub: `${department}-agent-1`, roles: [Role.AGENT], department }),
    ),
  );
  const create = `mutation($input: [KnowledgeEntryCreateInput!]!) { createKnowledgeEntries(input: $input) { knowledgeEntries { id } } }`;
  const search = `query($p: String!) { searchKnowledge(phrase: $p, first: 20) { edges { score node { id title } } } }`;
  const related = `query($id: ID!) { relatedKnowledge(id: $id, depth: 2) { id title } }`;
  const asAgent = (i: number) => tokens[i % tokens.length] as string;
  const warm = Math.ceil(samples / 10);
  const creating = (i: number) =>
    call(
      create,
      {
        input: [
          {
            title: words(4),
            body: words(40),
            departmentSlug: departments[i % departments.length],
            accessLevel: 'CONFIDENTIAL',
            sharedWithDepartments: [],
          },
        ],
      },
      asAgent(i),
    ).then((r) => r.body);
  const searching = (i: number) =>
    call(search, { p: `${word()} ${word()}` }, asAgent(i)).then((r) => r.body);
  const walking = (i: number) => call(related, { id: pick(ids) }, asAgent(i)).then((r) => r.body);
  await timed(warm, creating);
  const measured = async (run: typeof creating) => {
    await timed(warm, run);
    return timed(samples, run);
  };
  const rows = [
    { operation: 'createKnowledgeEntries (1 entry, linked)', ...(await timed(samples, creating)) },
    {
      operation: 'searchKnowledge (2 words, first 20)',
      ...(await measured(searching)),
    },
    {
      operation: 'relatedKnowledge(depth: 2)',
      ...(await measured(walking)),
    },
  ];
  const fuzz = {
    queries: report.queries,
    leaks: report.leaks,
    mismatches: report.mismatches.length,
    seconds: +fuzzSeconds.toFixed(1),
    'queries/s': +(report.queries / fuzzSeconds).toFixed(1),
  };
  console.table(rows);
  console.table([fuzz]);
  console.table([
    {
      entries: storedEntries,
      links,
      'bulk load s': +loadedSeconds.toFixed(1),
      'linking s': +linkedSeconds.toFixed(1),
    },
  ]);
  await writeFile(
    new URL('./results/knowledge.json', import.meta.url),
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: benchMachine(),
        setup: {
          entries: storedEntries,
          links,
          samples,
          neo4jHeap: '1g',
          concurrency: 1,
          fuzzConcurrency: 8,
          bulkLoadSeconds: +loadedSeconds.toFixed(1),
          linkingSeconds: +linkedSeconds.toFixed(1),
        },
        latencies: rows,
        fuzz,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await driver.close();
  await stack.close();
  await graph.stop();
  await rm(dataDir, { recursive: true, force: true });
}
