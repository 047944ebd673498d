import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import type { StoreConnector } from './service.js';

export interface PostgresStoreOptions {
  /** The service's own Postgres schema: each service owns and writes only its schema. */
  schema: string;
  url: string;
  /** Entity schemas, for a store that reads through MikroORM entities (none: SQL and rows). */
  entities?: NonNullable<Options['entities']>;
  migrations: MigrationObject[];
  log: Logger;
  /** Idempotent work after migrations (seeding); runs under the same advisory lock. */
  afterMigrate?: (em: EntityManager) => Promise<void>;
  poolMax?: number;
}

export interface PostgresStore extends StoreConnector {
  /** A fresh EntityManager for one request or job; never share one across requests. */
  fork(): EntityManager;
  orm(): MikroORM;
}

/**
 * MikroORM on Postgres with migrations (never schema auto-sync). Migrations and seeding run under
 * a Postgres advisory lock so replicas starting together do not race.
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  let orm: MikroORM | undefined;
  // Counts every SQL statement sent through knex (MikroORM's included), so N+1 regressions show
  // on /metrics.
  let statements: Counter | undefined;
  const connected = () => {
    if (!orm) throw new Error(`postgres (${options.schema}) is not connected`);
    return orm;
  };
  return {
    name: 'postgres',
    async connect() {
      const candidate = await MikroORM.init({
        clientUrl: options.url,
        schema: options.schema,
        entities: options.entities ?? [],
        extensions: [Migrator],
        discovery: { warnWhenNoEntities: false },
        allowGlobalContext: false,
        ensureDatabase: false,
        pool: { min: 0, max: options.poolMax ?? 10 },
        migrations: {
          tableName: `${options.schema}.mikro_orm_migrations`,
          migrationsList: options.migrations,
          transactional: true,
          allOrNothing: true,
          snapshot: false,
          silent: true,
        },
      });
      try {
        await migrate(candidate, options);
      } catch (error) {
        await candidate.close(true);
        throw error;
      }
      candidate.em
        .getConnection()
        .getKnex()
        .on('query', () => statements?.inc());
      orm = candidate;
    },
    async check() {
      // On a pooled connection itself, under knex: a health check (scrapes run one) is not a
      // statement of the service's, so it stays out of db_statements_total.
      const { client } = connected().em.getConnection().getKnex();
      const connection = (await client.acquireConnection()) as {
        query(sql: string): Promise<unknown>;
      };
      try {
        await connection.query('select 1');
      } finally {
        await client.releaseConnection(connection);
      }
    },
    async close() {
      await orm?.close(true);
      orm = undefined;
    },
    registerMetrics(registry) {
      statements = new Counter({
        name: 'db_statements_total',
        help: 'SQL statements sent to PostgreSQL (transactions’ begin and commit included)',
        registers: [registry],
      });
    },
    fork: () => connected().em.fork(),
    orm: connected,
  };
}

async function migrate(orm: MikroORM, options: PostgresStoreOptions): Promise<void> {
  const knex = orm.em.getConnection().getKnex();
  // One lock key per service schema; pg_advisory_lock blocks until other replicas finish.
  const key = `daena:migrate:${options.schema}`;
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [key]);
    await trx.raw(`create schema if not exists "${options.schema}"`);
  });
  const lock = await knex.client.acquireConnection();
  try {
    await knex.raw('select pg_advisory_lock(hashtext(?))', [key]).connection(lock);
    const applied = await orm.getMigrator().up();
    if (applied.length > 0) {
      options.log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    }
    if (options.afterMigrate) await options.afterMigrate(orm.em.fork());
  } finally {
    await knex
      .raw('select pg_advisory_unlock(hashtext(?))', [key])
      .connection(lock)
      .catch(() => {});
    await knex.client.releaseConnection(lock);
  }
}
