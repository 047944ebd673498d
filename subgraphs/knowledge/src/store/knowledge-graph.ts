import { UnavailableError } from '@daena/platform';
import type { Driver, ManagedTransaction, Transaction } from 'neo4j-driver';

type Tx = Transaction | ManagedTransaction;

/**
 * The writes @neo4j/graphql cannot generate, run inside the same transaction as the generated
 * mutation (handed to it as `context.executionContext`), so a refused write leaves nothing
 * behind. These statements never decide access: the generated mutation in the same transaction
 * does, and the callers roll back when it matched nothing.
 */

/** The driver writes run on; composition builds the schema without one and never executes. */
export function requireDriver(driver: Driver | undefined): Driver {
  if (!driver)
    throw new UnavailableError('The knowledge store is not configured', 'NEO4J_UNAVAILABLE');
  return driver;
}

/** Runs `work` in one write transaction: committed when it returns, rolled back when it throws. */
export async function inWriteTransaction<T>(
  driver: Driver,
  work: (tx: Transaction) => Promise<{ commit: boolean; value: T }>,
): Promise<T> {
  const session = driver.session({ defaultAccessMode: 'WRITE' });
  const tx = session.beginTransaction();
  try {
    const { commit, value } = await work(tx);
    if (commit) await tx.commit();
    else await tx.rollback();
    return value;
  } catch (error) {
    if (tx.isOpen()) await tx.rollback();
    throw error;
  } finally {
    await session.close();
  }
}

/** What a revision needs to know of the stored entry (read unfiltered, never returned). */
export interface StoredEntryState {
  title: string;
  body: string;
  accessLevel: string;
  accessOverrideReason: string | null;
  version: number;
  /** Changes with every write (`@timestamp`): tells whether the generated update matched. */
  stamp: string;
}

export async function readEntryState(tx: Tx, id: string): Promise<StoredEntryState | null> {
  const result = await tx.run(
    `MATCH (entry:KnowledgeEntry {id: $id})
     RETURN entry { .title, .body, .accessLevel, .accessOverrideReason,
                    version: coalesce(entry.version, 1), stamp: toString(entry.updatedAt) } AS entry`,
    { id },
  );
  const entry = result.records[0]?.get('entry') as
    (Omit<StoredEntryState, 'version'> & { version: { toNumber(): number } | number }) | undefined;
  if (!entry) return null;
  const version = typeof entry.version === 'number' ? entry.version : entry.version.toNumber();
  return { ...entry, version };
}

/**
 * Keeps the entry as it is now as a KnowledgeVersion (entry → newest version → … over
 * SUPERSEDES), and makes the entry the next version with its new classification.
 */
export async function snapshotVersion(
  tx: Tx,
  id: string,
  classification: { suggestedAccessLevel: string; personalData: string[] },
): Promise<void> {
  await tx.run(
    `MATCH (entry:KnowledgeEntry {id: $id})
     OPTIONAL MATCH (entry)-[previous:SUPERSEDES]->(older:KnowledgeVersion)
     CREATE (version:KnowledgeVersion {
       entryId: entry.id, version: coalesce(entry.version, 1), title: entry.title,
       body: entry.body, kind: entry.kind, tags: entry.tags, source: entry.source,
       departmentSlug: entry.departmentSlug, accessLevel: entry.accessLevel,
       sharedWithDepartments: entry.sharedWithDepartments, ownerId: entry.ownerId,
       updatedAt: entry.updatedAt, supersededAt: datetime()
     })
     CREATE (entry)-[:SUPERSEDES]->(version)
     FOREACH (_ IN CASE WHEN older IS NULL THEN [] ELSE [1] END |
       DELETE previous
       CREATE (version)-[:SUPERSEDES]->(older))
     SET entry.version = coalesce(entry.version, 1) + 1,
         entry.suggestedAccessLevel = $suggestedAccessLevel,
         entry.personalData = $personalData`,
    { id, ...classification },
  );
}

/**
 * Earlier versions and change records carry the entry's current access properties: visible
 * exactly when it is.
 */
export async function propagateAccess(tx: Tx, id: string): Promise<void> {
  await tx.run(
    `MATCH (entry:KnowledgeEntry {id: $id})
     CALL (entry) {
       MATCH (entry)-[:SUPERSEDES*1..]->(record:KnowledgeVersion) RETURN record
       UNION
       MATCH (record:KnowledgeChange)-[:CHANGED]->(entry) RETURN record
     }
     SET record.departmentSlug = entry.departmentSlug, record.accessLevel = entry.accessLevel,
         record.sharedWithDepartments = entry.sharedWithDepartments,
         record.ownerId = entry.ownerId`,
    { id },
  );
}

/** One entry to link: its id and the full-text query of its terms (search-terms.ts). */
export interface RelatedQuery {
  id: string;
  query: string;
}

/**
 * Links each entry to its closest entries by the full-text index (Lucene BM25). The strength is
 * a hit's score over the entry's own score for the same query (the best any entry can match its
 * terms), so it lies in (0, 1] and does not depend on the size of the index. An entry's old
 * outgoing links are replaced; a pair is linked once, whichever entry was written first.
 */
export async function linkRelated(
  tx: Tx,
  entries: readonly RelatedQuery[],
  limits: { relatedMax: number; relatedMinStrength: number },
): Promise<void> {
  if (entries.length === 0) return;
  await tx.run(
    `UNWIND $entries AS item
     MATCH (entry:KnowledgeEntry {id: item.id})
     OPTIONAL MATCH (entry)-[old:RELATED_TO]->()
     DELETE old
     WITH DISTINCT entry, item
     CALL (entry, item) {
       CALL db.index.fulltext.queryNodes('knowledge_entry_text', item.query, {limit: $candidates})
         YIELD node, score
       WITH collect({node: node, score: score}) AS hits
       WITH hits, coalesce([hit IN hits WHERE hit.node = entry | hit.score][0], hits[0].score) AS own
       UNWIND [hit IN hits WHERE hit.node <> entry AND hit.score / own >= $minStrength][0..$max] AS hit
       WITH hit, own, hit.node AS other
       MERGE (entry)-[link:RELATED_TO]-(other)
       SET link.strength = CASE WHEN hit.score >= own THEN 1.0 ELSE hit.score / own END,
           link.reason = 'full-text BM25: ' + item.query
       RETURN count(*) AS linked
     }
     RETURN sum(linked) AS linked`,
    {
      entries,
      candidates: limits.relatedMax * 4,
      max: limits.relatedMax,
      minStrength: limits.relatedMinStrength,
    },
  );
}

/** Versions whose entry was deleted go with it. */
export async function deleteOrphanVersions(tx: Tx): Promise<void> {
  await tx.run(
    `MATCH (version:KnowledgeVersion)
     WHERE NOT EXISTS { MATCH (:KnowledgeEntry {id: version.entryId}) }
     DETACH DELETE version`,
  );
}
