import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgesFrom, runFuzz, type FuzzReport, type GroundTruth } from './fuzz/fuzz-queries.js';
import { seedOrganization, type Call, type FuzzOrganization } from './fuzz/organization.js';
import { revokedCopies, seededRandom } from './fuzz/reference-model.js';
import { seedShares } from './fuzz/shares.js';
import { startKnowledgeStack, type KnowledgeStack } from './knowledge-stack.js';

/** Fixed, so a failure reproduces; the report names it. */
const seed = 16;
let stack: KnowledgeStack;
let org: FuzzOrganization;
let truth: GroundTruth;
let call: Call;
let entryCount: number;

beforeAll(async () => {
  // Seeding plans a few large generated statements; on a loaded CI machine that outlasts 15 s.
  stack = await startKnowledgeStack({ GRAPHQL_DEADLINE_MS: '120000' });
  call = (query, variables, token) => stack.call(query, variables, token);
  const random = seededRandom(seed);
  org = await seedOrganization(call, random, {
    prefix: 'fz',
    departments: 5,
    entries: 100,
    revisions: 30,
  });
  // Approved shares put redacted copies in the graph; revoked ones take theirs away again.
  await seedShares(stack.driver, org, random, { count: 20, revokeChance: 0.3 });
  const rows = await stack.cypher<{ from: string; to: string }>(
    'MATCH (a:KnowledgeEntry)-[:RELATED_TO]->(b:KnowledgeEntry) RETURN a.id AS from, b.id AS to',
  );
  truth = { edges: edgesFrom(rows) };
  entryCount = org.entries.length;
  // Seeding and sharing take 3 to 4 minutes on a loaded 2-core machine.
}, 600_000);

afterAll(async () => {
  await stack?.close();
});

describe('the permission fuzz', () => {
  let report: FuzzReport;

  it('checks thousands of random reads against the reference model and finds no leak', async () => {
    report = await runFuzz(call, org, truth, seededRandom(seed + 1), {
      count: 2_000,
      concurrency: 8,
    });
    const copies = org.entries.filter((entry) => entry.derivedFrom !== undefined).length;
    console.info(
      `permission fuzz (seed ${seed}): ${org.shares.length} shares (${copies} copies, ` +
        `${revokedCopies(org.shares).length} revoked), ` +
        `${report.queries} queries checked, ${report.leaks} leaks, ` +
        `${report.mismatches.length} mismatches; by kind ${JSON.stringify(report.byKind)}`,
    );
    if (report.leaks > 0 || report.mismatches.length > 0) {
      console.info(JSON.stringify(report.leaksByKind), report.mismatches.slice(0, 40));
    }
    expect(report.queries).toBe(2_000);
    expect(report.leaks).toBe(0);
    expect(report.mismatches.slice(0, 5)).toEqual([]);
    expect(report.errors).toBe(0);
  }, 300_000);

  it('covers every kind of read, and the seeded graph has relations, versions and topics', async () => {
    expect(Object.keys(report.byKind).sort()).toEqual([
      'changes',
      'count',
      'entities',
      'injection',
      'list',
      'nested',
      'relatedKnowledge',
      'search',
      'shares',
      'topics',
      'versions',
    ]);
    expect(truth.edges.size).toBeGreaterThan(entryCount / 2);
    expect(org.entries.some((entry) => entry.versions > 0)).toBe(true);
    expect(org.topics.length).toBeGreaterThan(5);
    expect(org.entries.filter((entry) => entry.derivedFrom !== undefined).length).toBeGreaterThan(
      5,
    );
    expect(revokedCopies(org.shares).length).toBeGreaterThan(2);
  });

  it('left the data as it was: reads, including injection strings, wrote nothing', async () => {
    const [row] = await stack.cypher<{ entries: number }>(
      'MATCH (e:KnowledgeEntry) RETURN count(e) AS entries',
    );
    expect(Number(row?.entries)).toBe(entryCount);
  });
});
