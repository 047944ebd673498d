import type { EntityManager } from '@mikro-orm/postgresql';
import type { Series, SeriesLabels } from '../../alerts/domain/series-set.js';
import { dayOfPartition, partitionOf, type DayPartition } from '../domain/partition-plan.js';

/** One point to store: the series (name and labels without `__name__`), when, and the value. */
export interface PointDraft {
  readonly name: string;
  readonly labels: SeriesLabels;
  readonly at: Date;
  readonly value: number;
}

type Labels = Record<string, string>;

interface PointRow {
  series_id: string;
  at: Date | string;
  value: number;
}

/** Which series to read: a metric name and labels they must carry (may be none). */
export interface SeriesFilter {
  readonly name: string;
  readonly labels: Readonly<Labels>;
}

/** Postgres's "no partition of relation … found for row" (a day nobody created yet). */
const noPartition = '23514';

/**
 * Scraped series in Postgres: `metrics.series` (one row per label set) and the day-partitioned
 * `metrics.series_points`. One instance per batch or request, on its own EntityManager fork.
 */
export class SeriesRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex() {
    return this.em.getKnex();
  }

  /**
   * Stores points in one statement: new label sets get a series row, points already stored
   * (same series and instant) are skipped. A point on a day without a partition creates it first
   * (the maintenance job normally has). Returns how many points were new.
   */
  async record(points: readonly PointDraft[]): Promise<number> {
    if (points.length === 0) return 0;
    try {
      return await this.insert(points);
    } catch (error) {
      if ((error as { code?: string }).code !== noPartition) throw error;
      const days = new Map(points.map((point) => [partitionOf(point.at).name, point.at]));
      for (const at of days.values()) await this.createPartition(partitionOf(at));
      return this.insert(points);
    }
  }

  private async insert(points: readonly PointDraft[]): Promise<number> {
    const input = JSON.stringify(
      points.map((p) => ({
        name: p.name,
        labels: p.labels,
        at: p.at.toISOString(),
        value: p.value,
      })),
    );
    // New series come back from `created`; existing ones are read from the table (a CTE's own
    // inserts are not visible to the statement's other reads).
    const result = await this.knex.raw<{ rowCount: number }>(
      `with input as (
         select * from jsonb_to_recordset(?::jsonb) as x(name text, labels jsonb, at timestamptz, value float8)
       ), wanted as (
         select distinct name, labels from input
       ), created as (
         insert into metrics.series (name, labels) select name, labels from wanted
         on conflict (name, labels) do nothing returning id, name, labels
       ), ids as (
         select id, name, labels from created
         union all
         select s.id, s.name, s.labels from metrics.series s join wanted w using (name, labels)
       )
       insert into metrics.series_points (series_id, at, value)
       select ids.id, input.at, input.value from input join ids using (name, labels)
       on conflict do nothing`,
      [input],
    );
    return result.rowCount;
  }

  /**
   * The points in [from, to] of the series that `filters` select (a metric name and the labels
   * it must have, from the selectors' `=` matchers), each series with its labels and `__name__`,
   * points in time order: what the evaluator, `kpis` and `series` read. Series first, then their
   * points by (series_id, at), the primary key, in every day partition the range touches.
   */
  async load(filters: readonly SeriesFilter[], from: Date, to: Date): Promise<Series[]> {
    if (filters.length === 0) return [];
    const found = await this.knex.raw<{ rows: { id: string; name: string; labels: Labels }[] }>(
      `select id, name, labels from metrics.series where ${filters
        .map(() => '(name = ? and labels @> ?::jsonb)')
        .join(' or ')}`,
      filters.flatMap((filter) => [filter.name, JSON.stringify(filter.labels)]),
    );
    if (found.rows.length === 0) return [];
    const series = new Map(
      found.rows.map((row) => [
        String(row.id),
        { labels: { ...row.labels, __name__: row.name }, points: [] as [number, number][] },
      ]),
    );
    const points = await this.knex.raw<{ rows: PointRow[] }>(
      `select series_id, at, value from metrics.series_points
       where series_id = any(?::bigint[]) and at between ? and ?
       order by series_id, at`,
      [[...series.keys()], from, to],
    );
    for (const row of points.rows) {
      series.get(String(row.series_id))?.points.push([new Date(row.at).getTime(), row.value]);
    }
    return [...series.values()];
  }

  /** Whether any series of this metric name is stored. */
  async exists(name: string): Promise<boolean> {
    const row: unknown = await this.knex
      .withSchema('metrics')
      .from('series')
      .where('name', name)
      .first('id');
    return row !== undefined;
  }

  /** The day partitions that exist now. */
  async partitions(): Promise<string[]> {
    const result = await this.knex.raw<{ rows: { name: string }[] }>(
      `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
       join pg_class p on p.oid = i.inhparent
       join pg_namespace n on n.oid = p.relnamespace
       where n.nspname = 'metrics' and p.relname = 'series_points'`,
    );
    return result.rows.map((row) => row.name);
  }

  async createPartition(partition: DayPartition): Promise<void> {
    try {
      // DDL takes no bind parameters; the name and bounds are generated (digits and ISO dates).
      await this.knex.raw(
        `create table if not exists metrics.${partition.name} partition of metrics.series_points
         for values from ('${partition.from.toISOString()}') to ('${partition.to.toISOString()}')`,
      );
    } catch (error) {
      // Another replica created it between our check and our create: that is what we wanted.
      if ((error as { code?: string }).code !== '42P07') throw error;
    }
  }

  /** Drops a whole day of points (retention); names come from `partitions()`, never from users. */
  async dropPartition(name: string): Promise<void> {
    if (dayOfPartition(name) === null) throw new Error(`${name} is not a day partition`);
    await this.knex.raw(`drop table if exists metrics.${name}`);
  }
}
