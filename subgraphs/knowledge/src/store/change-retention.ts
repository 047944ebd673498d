import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';

type Tx = Transaction | ManagedTransaction;

/** How long and how many change records (`knowledgeUpdates`) are kept. */
export interface ChangeRetention {
  maxAgeDays: number;
  maxCount: number;
}

/**
 * Deletes up to `batch` change records that are older than `maxAgeDays` at `now`, or beyond the
 * newest `maxCount`, oldest first; returns how many. Records only ever point at entries
 * (CHANGED), so deleting one loses nothing else; a subscriber whose event outlives its record
 * gets nothing for it, as for a change it may not read.
 */
export async function pruneChanges(
  tx: Tx,
  retention: ChangeRetention,
  options: { now: Date; batch: number },
): Promise<number> {
  const counted = await tx.run('MATCH (change:KnowledgeChange) RETURN count(change) AS total');
  const total = Number(counted.records[0]?.get('total') ?? 0);
  const excess = Math.min(Math.max(0, total - retention.maxCount), options.batch);
  const result = await tx.run(
    `CALL () {
       MATCH (change:KnowledgeChange)
       WHERE change.at < datetime($now) - duration({seconds: $maxAgeSeconds})
       RETURN change
       UNION
       MATCH (change:KnowledgeChange)
       WITH change ORDER BY change.at ASC LIMIT $excess
       RETURN change
     }
     WITH change ORDER BY change.at ASC LIMIT $batch
     DETACH DELETE change
     RETURN count(*) AS pruned`,
    {
      now: options.now.toISOString(),
      maxAgeSeconds: neo4j.int(Math.round(retention.maxAgeDays * 86_400)),
      excess: neo4j.int(excess),
      batch: neo4j.int(options.batch),
    },
  );
  return Number(result.records[0]?.get('pruned') ?? 0);
}
