import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A raw SQL runner with `?` placeholders that returns the rows. */
export type SqlRows = <T>(sql: string, bindings: readonly unknown[]) => Promise<T[]>;

/**
 * MikroORM keeps Postgres' text form of timestamps on its connection (bigint comes as a string
 * too); its platform's `parseDate` turns that text into a Date.
 */
export type ParseDate = (value: string) => Date;

/**
 * The one way this store is reached: SQL text with `?` placeholders, rows mapped by `rows.ts`.
 * Reads run on a request's EntityManager fork, writes on the transaction of `runInTransaction`.
 */
export interface SqlConnection {
  rows: SqlRows;
  parseDate: ParseDate;
}

/** A request's (or a job's) own connection: its EntityManager fork (STYLE habit 11). */
export function requestConnection(em: EntityManager): SqlConnection {
  const platform = em.getPlatform();
  return {
    rows: <T>(sql: string, bindings: readonly unknown[]) => em.execute<T[]>(sql, [...bindings]),
    parseDate: (value) => platform.parseDate(value),
  };
}

/** The connection of one open transaction: everything run on it commits together. */
export function transactionConnection(em: EntityManager, trx: Knex.Transaction): SqlConnection {
  const platform = em.getPlatform();
  return {
    rows: async <T>(sql: string, bindings: readonly unknown[]) => {
      const result: { rows: T[] } = await trx.raw(sql, bindings as never);
      return result.rows;
    },
    parseDate: (value) => platform.parseDate(value),
  };
}
