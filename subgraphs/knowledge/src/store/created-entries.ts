import neo4j, { type DateTime, type Driver } from 'neo4j-driver';

/** An entry as its creation was recorded: what agents' sweep needs to make its task. */
export interface CreatedEntryRecord {
  id: string;
  departmentSlug: string;
  /**
   * The agent that wrote it, as its event named it; null for a person. Records written before
   * they kept it fall back on the entry's `authorAgentId`.
   */
  authorAgentId: string | null;
  /** When its CREATED change was recorded (in the transaction that created it). */
  createdAt: DateTime;
}

/**
 * Entries created at or after `$since`, oldest first, at most `$limit`: read from the CREATED
 * change records (what `knowledge.entry.created` announced) by the `(change, at)` index, in its
 * order: sorting by both of its properties lets Neo4j skip the sort and stop at the limit, however
 * many creations follow. A record whose entry was deleted has lost its CHANGED link and is passed
 * over before the limit counts it.
 */
export const createdEntriesStatement = `
  MATCH (change:KnowledgeChange)
  WHERE change.change = 'CREATED' AND change.at >= datetime($since)
  WITH change ORDER BY change.change ASC, change.at ASC
  MATCH (change)-[:CHANGED]->(entry:KnowledgeEntry)
  RETURN entry {
    .id, .departmentSlug, createdAt: change.at,
    authorAgentId: coalesce(change.authorAgentId, entry.authorAgentId)
  } AS entry
  LIMIT $limit`;

/** See {@link createdEntriesStatement}. Unfiltered: its one caller, a service, is authorized. */
export async function createdEntriesSince(
  driver: Driver,
  since: string,
  limit: number,
): Promise<CreatedEntryRecord[]> {
  const { records } = await driver.executeQuery(
    createdEntriesStatement,
    { since, limit: neo4j.int(limit) },
    { routing: neo4j.routing.READ },
  );
  return records.map((record) => {
    const entry = record.get('entry') as CreatedEntryRecord;
    return { ...entry, authorAgentId: entry.authorAgentId ?? null };
  });
}
