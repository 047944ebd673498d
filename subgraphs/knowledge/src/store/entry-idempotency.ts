import type { ManagedTransaction, Transaction } from 'neo4j-driver';

type Tx = Transaction | ManagedTransaction;

/**
 * The uniqueness constraint (neo4j-store.ts) on a caller's idempotency keys: two creates under one
 * key cannot both commit, even when they race.
 */
export const idempotencyConstraint = 'knowledge_entry_idempotency';

/**
 * The entries `ownerId` already created under these keys, by key. Read unfiltered: the caller is
 * their owner, and only the ids are returned (never their content).
 */
export async function entriesByKey(
  tx: Tx,
  ownerId: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const result = await tx.run(
    `MATCH (entry:KnowledgeEntry {ownerId: $ownerId})
      WHERE entry.idempotencyKey IN $keys
     RETURN entry.idempotencyKey AS key, entry.id AS id`,
    { ownerId, keys },
  );
  return new Map(
    result.records.map((record) => [record.get('key') as string, record.get('id') as string]),
  );
}
