import type { Call, FuzzOrganization } from './organization.js';
import {
  changeRecords,
  mayRead,
  mayReadShare,
  mayReadTopic,
  pick,
  reachable,
  revokedCopies,
  sample,
  type Caller,
  type ModelEntry,
} from './reference-model.js';

/** What the database holds beyond the model: RELATED_TO edges, read straight from Neo4j. */
export interface GroundTruth {
  /** Entry id → ids it is related to, in either direction. */
  edges: Map<string, Set<string>>;
}

/** One fuzzed read: its GraphQL, and what it returned measured against the reference model. */
interface FuzzCase {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
  /** Ids returned that the caller may not read (leaks), and any other difference from the model. */
  check(data: unknown): { leaked: number; mismatch: string | null };
}

export interface FuzzReport {
  queries: number;
  leaks: number;
  errors: number;
  mismatches: string[];
  byKind: Record<string, number>;
  leaksByKind: Record<string, number>;
}

/** Cypher, Lucene and GraphQL-looking strings; filters must treat them as plain values. */
export const injectionStrings = [
  "' OR 1=1 //",
  '") RETURN n //',
  "x' }) MATCH (n) DETACH DELETE n //",
  '$jwt.department',
  '*:*',
  'title:audit OR accessLevel:PERSONAL',
  '\\u0027; CALL db.clearQueryCaches() //',
  '{ admin: true }',
];

/** The most entries one `relatedKnowledge` answers (KnowledgeEntry's default @limit). */
const relatedMax = 50;

const compare = (returned: string[], expected: Set<string>, allowed: Set<string>) => {
  const leaked = returned.filter((id) => !allowed.has(id)).length;
  const same = returned.length === expected.size && returned.every((id) => expected.has(id));
  return { leaked, mismatch: same ? null : `got ${returned.length}, expected ${expected.size}` };
};

const idsOf = (items: unknown): string[] =>
  Array.isArray(items) ? items.map((item) => (item as { id: string }).id) : [];

/** The cases of one random read by `caller`. */
function randomCase(
  org: FuzzOrganization,
  truth: GroundTruth,
  caller: Caller,
  random: () => number,
): FuzzCase {
  const visible = org.entries.filter((entry) => mayRead(caller, entry));
  const visibleIds = new Set(visible.map((entry) => entry.id));
  const byId = new Map(org.entries.map((entry) => [entry.id, entry]));
  const entry = pick(random, org.entries);
  const gone = revokedCopies(org.shares);
  // An entry, or now and then a revoked copy: gone for everyone, its change records left.
  const recorded = gone.length > 0 && random() < 0.25 ? pick(random, gone) : entry;
  const kinds: (() => FuzzCase)[] = [
    () => {
      const department = pick(random, org.departments);
      return {
        kind: 'list',
        query: `query($d: String!) { knowledgeEntries(where: { departmentSlug: { eq: $d } }, limit: 200) { id } }`,
        variables: { d: department },
        check: (data) =>
          compare(
            idsOf((data as { knowledgeEntries: unknown }).knowledgeEntries),
            new Set(visible.filter((e) => e.departmentSlug === department).map((e) => e.id)),
            visibleIds,
          ),
      };
    },
    () => {
      const level = pick(random, ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL', 'PERSONAL'] as const);
      const expected = visible.filter((e) => e.accessLevel === level).length;
      return {
        kind: 'count',
        query: `query($l: KnowledgeAccessLevel!, $ds: [String!]!) {
          knowledgeEntriesConnection(where: { accessLevel: { eq: $l }, departmentSlug: { in: $ds } }) {
            totalCount aggregate { count { nodes } } } }`,
        variables: { l: level, ds: org.departments },
        check: (data) => {
          const { totalCount, aggregate } = (
            data as {
              knowledgeEntriesConnection: {
                totalCount: number;
                aggregate: { count: { nodes: number } };
              };
            }
          ).knowledgeEntriesConnection;
          const most = Math.max(totalCount, aggregate.count.nodes);
          const same = totalCount === expected && aggregate.count.nodes === expected;
          return {
            leaked: Math.max(0, most - expected),
            mismatch: same
              ? null
              : `counts ${totalCount}/${aggregate.count.nodes}, expected ${expected}`,
          };
        },
      };
    },
    () => ({
      kind: 'topics',
      query: `query($ds: [String!]!) { topics(where: { departmentSlug: { in: $ds } }) {
        name departmentSlug entries { id } entriesConnection { totalCount } } }`,
      variables: { ds: org.departments },
      check: (data) => {
        const topics = (
          data as {
            topics: {
              name: string;
              departmentSlug: string;
              entries: { id: string }[];
              entriesConnection: { totalCount: number };
            }[];
          }
        ).topics;
        const allowed = new Set(
          org.topics.filter((t) => mayReadTopic(caller, t, org.entries)).map((t) => t.key),
        );
        let leaked = 0;
        let mismatch: string | null = null;
        for (const topic of topics) {
          const key = `${topic.departmentSlug}/${topic.name}`;
          if (!allowed.has(key)) leaked += 1;
          const about = new Set(visible.filter((e) => e.topicIds.includes(key)).map((e) => e.id));
          const result = compare(idsOf(topic.entries), about, visibleIds);
          leaked += result.leaked + Math.max(0, topic.entriesConnection.totalCount - about.size);
          if (result.mismatch || topic.entriesConnection.totalCount !== about.size)
            mismatch = `topic ${key}: ${result.mismatch}`;
        }
        if (topics.length !== allowed.size)
          mismatch = `topics ${topics.length}, expected ${allowed.size}`;
        return { leaked, mismatch };
      },
    }),
    () => {
      const neighbours = new Set(
        [...(truth.edges.get(entry.id) ?? [])].filter((id) => visibleIds.has(id)),
      );
      return {
        kind: 'nested',
        query: `query($id: ID!) { knowledgeEntries(where: { id: { eq: $id } }) {
          id related { id } relatedConnection { totalCount edges { node { id } } } derivedFrom { id } history { version } } }`,
        variables: { id: entry.id },
        check: (data) => {
          const [found] = (
            data as {
              knowledgeEntries: {
                id: string;
                related: { id: string }[];
                relatedConnection: { totalCount: number; edges: { node: { id: string } }[] };
                derivedFrom: { id: string }[];
                history: unknown[];
              }[];
            }
          ).knowledgeEntries;
          if (!visibleIds.has(entry.id))
            return { leaked: found ? 1 : 0, mismatch: found ? 'invisible entry returned' : null };
          if (!found) return { leaked: 0, mismatch: 'visible entry missing' };
          const result = compare(idsOf(found.related), neighbours, visibleIds);
          // Each pair is one edge; its nodes, in the connection too, must be the readable ones.
          const viaEdges = compare(
            found.relatedConnection.edges.map((edge) => edge.node.id),
            neighbours,
            visibleIds,
          );
          const countLeak = Math.max(0, found.relatedConnection.totalCount - neighbours.size);
          const historyOk = found.history.length === entry.versions;
          // A copy's original, when the caller may read it too.
          const original = compare(
            idsOf(found.derivedFrom),
            new Set(
              entry.derivedFrom && visibleIds.has(entry.derivedFrom) ? [entry.derivedFrom] : [],
            ),
            visibleIds,
          );
          return {
            leaked: result.leaked + viaEdges.leaked + countLeak + original.leaked,
            mismatch:
              result.mismatch ??
              viaEdges.mismatch ??
              (original.mismatch && `derivedFrom: ${original.mismatch}`) ??
              (historyOk ? null : `history ${found.history.length}, expected ${entry.versions}`),
          };
        },
      };
    },
    () => {
      const depth = pick(random, [1, 2]);
      return {
        kind: 'relatedKnowledge',
        query: `query($id: ID!, $depth: Int!) { relatedKnowledge(id: $id, depth: $depth) { id } }`,
        variables: { id: entry.id, depth },
        check: (data) => {
          const returned = idsOf((data as { relatedKnowledge: unknown }).relatedKnowledge);
          const expected = reachable(caller, entry.id, depth, truth.edges, byId);
          if (expected.size <= relatedMax) return compare(returned, expected, visibleIds);
          // The strongest `relatedMax` of them: as many, each one of the expected.
          const result = compare(
            returned,
            new Set(returned.filter((id) => expected.has(id))),
            visibleIds,
          );
          const full = returned.length === relatedMax;
          return { leaked: result.leaked, mismatch: result.mismatch ?? (full ? null : 'not full') };
        },
      };
    },
    () => {
      const word = pick(random, org.vocabulary);
      const phrase = random() < 0.3 ? `${word} ${pick(random, injectionStrings)}` : word;
      const matches = (e: ModelEntry) => `${e.title} ${e.body}`.split(' ').includes(word);
      return {
        kind: 'search',
        query: `query($p: String!) { searchKnowledge(phrase: $p, first: 200) { edges { node { id } } } }`,
        variables: { p: word === phrase ? word : phrase },
        check: (data) => {
          const returned = (
            data as { searchKnowledge: { edges: { node: { id: string } }[] } }
          ).searchKnowledge.edges.map((edge) => edge.node.id);
          // An injection string's own words may match more entries: only leaks count then.
          const result = compare(
            returned,
            new Set(visible.filter(matches).map((e) => e.id)),
            visibleIds,
          );
          return phrase === word ? result : { leaked: result.leaked, mismatch: null };
        },
      };
    },
    () => {
      const chosen = sample(random, [...org.entries, ...gone], 0.05);
      return {
        kind: 'entities',
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on KnowledgeEntry { id } } }`,
        variables: { r: chosen.map((e) => ({ __typename: 'KnowledgeEntry', id: e.id })) },
        check: (data) => {
          const returned = (data as { _entities: ({ id: string } | null)[] })._entities;
          const leaked = returned.filter(
            (item, i) => item !== null && !visibleIds.has(chosen[i]?.id ?? ''),
          ).length;
          const same = returned.every(
            (item, i) => (item !== null) === visibleIds.has(chosen[i]?.id ?? ''),
          );
          return { leaked, mismatch: same ? null : 'entities differ' };
        },
      };
    },
    () => ({
      kind: 'versions',
      query: `query($id: ID!) { knowledgeVersions(where: { entryId: { eq: $id } }) { entryId }
        knowledgeVersionsConnection(where: { entryId: { eq: $id } }) { totalCount } }`,
      variables: { id: entry.id },
      check: (data) => {
        const { knowledgeVersions, knowledgeVersionsConnection } = data as {
          knowledgeVersions: unknown[];
          knowledgeVersionsConnection: { totalCount: number };
        };
        const expected = visibleIds.has(entry.id) ? entry.versions : 0;
        const most = Math.max(knowledgeVersions.length, knowledgeVersionsConnection.totalCount);
        const same =
          knowledgeVersions.length === expected &&
          knowledgeVersionsConnection.totalCount === expected;
        return {
          leaked: Math.max(0, most - expected),
          mismatch: same ? null : `versions ${most}, expected ${expected}`,
        };
      },
    }),
    () => ({
      // The change records knowledgeUpdates delivers (issue 16 §7), each visible exactly when
      // its entry is (or was: a revoked copy's records stay with the department that had it).
      kind: 'changes',
      query: `query($id: ID!) { knowledgeChanges(where: { entryId: { eq: $id } }) { change entry { id } }
        knowledgeChangesConnection(where: { entryId: { eq: $id } }) { totalCount } }`,
      variables: { id: recorded.id },
      check: (data) => {
        const { knowledgeChanges, knowledgeChangesConnection } = data as {
          knowledgeChanges: { change: string; entry: { id: string }[] }[];
          knowledgeChangesConnection: { totalCount: number };
        };
        const records = changeRecords(recorded, recorded !== entry);
        const expected = mayRead(caller, recorded) ? records.kinds : [];
        const most = Math.max(knowledgeChanges.length, knowledgeChangesConnection.totalCount);
        const entries = knowledgeChanges.flatMap((change) => change.entry.map((e) => e.id));
        const kinds = knowledgeChanges.map((change) => change.change).sort();
        const same =
          JSON.stringify(kinds) === JSON.stringify([...expected].sort()) &&
          knowledgeChangesConnection.totalCount === expected.length &&
          entries.length === (records.linked ? expected.length : 0);
        return {
          leaked:
            Math.max(0, most - expected.length) +
            entries.filter((id) => !visibleIds.has(id)).length,
          mismatch: same ? null : `changes ${kinds.join(',')}, expected ${expected.join(',')}`,
        };
      },
    }),
    () => {
      const expected = org.shares.filter(
        (share) => share.entryId === entry.id && mayReadShare(caller, share),
      );
      return {
        // Share records: admins and the two departments a share is between.
        kind: 'shares',
        query: `query($id: ID!) { knowledgeShares(where: { entryId: { eq: $id } }) { id status copyId } }`,
        variables: { id: entry.id },
        check: (data) => {
          const returned = (
            data as { knowledgeShares: { id: string; status: string; copyId: string | null }[] }
          ).knowledgeShares;
          const allowed = new Set(
            org.shares.filter((share) => mayReadShare(caller, share)).map((share) => share.id),
          );
          const states = new Map(expected.map((share) => [share.id, share.status]));
          const result = compare(idsOf(returned), new Set(states.keys()), allowed);
          const statesOk = returned.every((share) => states.get(share.id) === share.status);
          return {
            leaked: result.leaked,
            mismatch: result.mismatch ?? (statesOk ? null : 'status'),
          };
        },
      };
    },
    () => ({
      kind: 'injection',
      query: `query($s: String!) { knowledgeEntries(where: { OR: [{ title: { contains: $s } }, { departmentSlug: { eq: $s } }, { sharedWithDepartments: { includes: $s } }] }) { id } }`,
      variables: { s: pick(random, injectionStrings) },
      check: (data) =>
        compare(
          idsOf((data as { knowledgeEntries: unknown }).knowledgeEntries),
          new Set(),
          visibleIds,
        ),
    }),
  ];
  return pick(random, kinds)();
}

/** Runs `count` random reads, `concurrency` at a time, and measures them against the model. */
export async function runFuzz(
  call: Call,
  org: FuzzOrganization,
  truth: GroundTruth,
  random: () => number,
  options: { count: number; concurrency: number },
): Promise<FuzzReport> {
  const report: FuzzReport = {
    queries: 0,
    leaks: 0,
    errors: 0,
    mismatches: [],
    byKind: {},
    leaksByKind: {},
  };
  for (let done = 0; done < options.count; done += options.concurrency) {
    const batch = Array.from(
      { length: Math.min(options.concurrency, options.count - done) },
      () => {
        const caller = pick(random, org.callers);
        return { caller, fuzzCase: randomCase(org, truth, caller, random) };
      },
    );
    await Promise.all(
      batch.map(async ({ caller, fuzzCase }) => {
        const { body } = await call(fuzzCase.query, fuzzCase.variables, caller.token);
        report.queries += 1;
        report.byKind[fuzzCase.kind] = (report.byKind[fuzzCase.kind] ?? 0) + 1;
        if (body.errors?.length || !body.data) {
          report.errors += 1;
          report.mismatches.push(`${fuzzCase.kind}: ${body.errors?.[0]?.message ?? 'no data'}`);
          return;
        }
        const { leaked, mismatch } = fuzzCase.check(body.data);
        report.leaks += leaked;
        if (leaked > 0) {
          report.leaksByKind[fuzzCase.kind] = (report.leaksByKind[fuzzCase.kind] ?? 0) + leaked;
        }
        if (mismatch)
          report.mismatches.push(`${fuzzCase.kind} as ${caller.sub ?? 'anonymous'}: ${mismatch}`);
      }),
    );
  }
  return report;
}

/** The RELATED_TO edges the writes made, undirected: what `related` and walks traverse. */
export function edgesFrom(rows: { from: string; to: string }[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const add = (a: string, b: string) => edges.set(a, (edges.get(a) ?? new Set()).add(b));
  for (const { from, to } of rows) {
    add(from, to);
    add(to, from);
  }
  return edges;
}
