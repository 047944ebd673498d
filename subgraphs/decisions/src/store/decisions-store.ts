import { createPostgresStore, type Logger, type PostgresStore } from '@daena/platform';
import { migrations } from './migrations/index.js';

/**
 * The `decisions` schema on Postgres: MikroORM runs its migrations and hands each request or job
 * a connection of its own (`fork()`); reads and writes are SQL with row mappers (`rows.ts`), so
 * no entity is registered.
 */
export function createDecisionsStore(options: { url: string; log: Logger }): PostgresStore {
  return createPostgresStore({ schema: 'decisions', entities: [], migrations, ...options });
}
