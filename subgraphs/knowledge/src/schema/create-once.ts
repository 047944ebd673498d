import { BadInputError, ConflictError } from '@daena/platform/domain';
import type { Transaction } from 'neo4j-driver';
import { entriesByKey } from '../store/entry-idempotency.js';
import type { KnowledgeContext } from './context.js';
import { stringOrUndefined } from './resolver-wrapping.js';

/** The longest idempotency key: a run and step id fit many times over. */
export const idempotencyKeyMax = 200;

/**
 * Runs a create of `inputs` at most once per idempotency key and caller (issue 15: an agent's
 * worker that died after its create committed sends it again under the same key). A key the
 * caller used before refuses the whole create with CONFLICT `IDEMPOTENCY_KEY_REPEATED`, naming
 * the entry the first create made (`details.entryId`), before anything is written; a create that
 * raced another under its key is refused the same way by the constraint, on commit.
 */
export async function createOnce<T>(
  tx: Transaction,
  inputs: readonly Record<string, unknown>[],
  context: KnowledgeContext,
  create: () => Promise<T> | T,
): Promise<T> {
  const keys = inputs.flatMap((input) => {
    const key = stringOrUndefined(input['idempotencyKey']);
    if (key === undefined) return [];
    if (key.length === 0 || key.length > idempotencyKeyMax) {
      throw new BadInputError(
        `idempotencyKey must be 1 to ${idempotencyKeyMax} characters`,
        'IDEMPOTENCY_KEY',
        { field: 'idempotencyKey', max: idempotencyKeyMax },
      );
    }
    return [key];
  });
  // Anonymous creates are refused by @authentication before any Cypher runs.
  const ownerId = context.jwt?.sub;
  if (keys.length === 0 || ownerId === undefined) return await create();
  const [entryId] = (await entriesByKey(tx, ownerId, keys)).values();
  if (entryId !== undefined) throw repeatedKey(entryId);
  try {
    return await create();
  } catch (error) {
    // The library reports a constraint without naming it; with keys given, it can only be theirs
    // (entry ids are random UUIDs).
    if (error instanceof Error && error.name === 'Neo4jGraphQLConstraintValidationError') {
      throw repeatedKey(null);
    }
    throw error;
  }
}

function repeatedKey(entryId: string | null): ConflictError {
  return new ConflictError(
    'This idempotency key was used by an earlier create of yours; nothing new was written',
    'IDEMPOTENCY_KEY_REPEATED',
    entryId === null ? undefined : { entryId },
  );
}
