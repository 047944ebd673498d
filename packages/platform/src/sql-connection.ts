import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A raw SQL runner with `?` placeholders that returns the rows. */
export type SqlRows = <T>(sql: string, bindings?: readonly unknown[]) => Promise<T[]>;

/**
 * MikroORM keeps Postgres' text form of timestamps on its connection (bigint comes as a string
 * too); its platform's `parseDate` turns that text into a Date.
 */
export type ParseDate = (value: string) => Date;

/**
 * The one way a service's store is reached: SQL text with `?` placeholders, rows mapped by the
 * store's row mappers. MikroORM provides the pool, the migrations and the transactions; no store
 * reads or writes through entities.
 */
export interface SqlConnection {
  rows: SqlRows;
  parseDate: ParseDate;
}

/**
 * A request's (or a job's) own connection: its EntityManager fork (STYLE habit 11). On the
 * EntityManager of `em.transactional`, everything run on it belongs to that transaction.
 *
 * Statements go to knex with their bindings as query parameters, not through `em.execute`, which
 * inlines every value into the SQL text first (and formats it for its logger): about 45 µs of CPU
 * per statement on the read bench's machine, 15–20% of a simple select (issue 14).
 */
export function requestConnection(em: EntityManager): SqlConnection {
  const platform = em.getPlatform();
  return {
    rows: async <T>(sql: string, bindings: readonly unknown[] = []) => {
      const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
      const result: { rows: T[] } = await knex.raw(sql, bindings as never);
      return result.rows;
    },
    parseDate: (value) => platform.parseDate(value),
  };
}

/** The connection of one open knex transaction: everything run on it commits together. */
export function transactionConnection(em: EntityManager, trx: Knex.Transaction): SqlConnection {
  const platform = em.getPlatform();
  return {
    rows: async <T>(sql: string, bindings: readonly unknown[] = []) => {
      const result: { rows: T[] } = await trx.raw(sql, bindings as never);
      return result.rows;
    },
    parseDate: (value) => platform.parseDate(value),
  };
}

/**
 * Runs `work` in one Postgres transaction on `em`: everything it runs on the connection it gets
 * commits together or not at all (a throw rolls it all back).
 */
export function runSqlTransaction<T>(
  em: EntityManager,
  work: (sql: SqlConnection) => Promise<T>,
): Promise<T> {
  return em.transactional((tx) => work(requestConnection(tx)));
}

/** A timestamp column as MikroORM's connection returns it (text), or a Date already. */
export function dateOf(parse: ParseDate, value: Date | string): Date;
export function dateOf(parse: ParseDate, value: Date | string | null): Date | null;
export function dateOf(parse: ParseDate, value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : parse(value);
}

/** LIKE treats `%`, `_` and the escape character `\` specially: searched for, they are literal. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Postgres' unique_violation on the named constraint (a caller's conflict, not a server error). */
export function isUniqueViolation(error: unknown, constraintSuffix: string): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return (
    code === '23505' && typeof constraint === 'string' && constraint.endsWith(constraintSuffix)
  );
}
