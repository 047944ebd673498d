import type { EntityManager } from '@mikro-orm/postgresql';
import { emptySummary, type MetricSummary } from '../domain/sample-query.js';
import type { MetricSampleDraft } from '../domain/samples-from-event.js';
import type { Labels } from '../domain/samples-from-event.js';

const schema = 'metrics';
const table = 'metric_samples';
const maxBigint = 9223372036854775807n;

/** Ids are bigserial: anything else can name no row, and would make Postgres reject the query. */
function isSampleId(id: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(id) && BigInt(id) <= maxBigint;
}

/** A raw aggregate row: bigint counts arrive as strings, and MikroORM keeps timestamps as text. */
interface SummaryRow {
  count: string | number;
  sum: number | null;
  min: number | null;
  max: number | null;
  avg: number | null;
  first: string | Date;
  last: string | Date;
}

export interface MetricSampleRecord {
  /** bigserial, kept as a string: it outgrows Number.MAX_SAFE_INTEGER before it outgrows bigint. */
  id: string;
  name: string;
  value: number;
  labels: Labels;
  eventId: string;
  recordedAt: Date;
}

/** A sample row as Postgres returns it (bigint id as text, json labels parsed). */
interface SampleRow {
  id: string;
  name: string;
  value: number;
  labels: Labels;
  event_id: string;
  recorded_at: string | Date;
}

const sampleColumns = ['id', 'name', 'value', 'labels', 'event_id', 'recorded_at'];

function sampleFromRow(row: SampleRow): MetricSampleRecord {
  return {
    id: String(row.id),
    name: row.name,
    value: row.value,
    labels: row.labels,
    eventId: row.event_id,
    recordedAt: new Date(row.recorded_at),
  };
}

/**
 * Metric samples in Postgres, through knex on MikroORM's connection (how every store of this
 * subgraph is reached); one instance per request or batch, on its own EntityManager fork.
 */
export class MetricSampleRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inserts the samples in one statement. A sample whose (event, name) is already stored is
   * skipped (ON CONFLICT DO NOTHING), so redelivered events change nothing. Returns how many
   * rows were new.
   */
  async record(samples: readonly MetricSampleDraft[]): Promise<number> {
    if (samples.length === 0) return 0;
    const inserted: unknown[] = await this.em
      .getKnex()
      .withSchema(schema)
      .table(table)
      .insert(
        samples.map((sample) => ({
          name: sample.name,
          value: sample.value,
          labels: JSON.stringify(sample.labels),
          event_id: sample.eventId,
          recorded_at: sample.recordedAt,
        })),
      )
      .onConflict(['event_id', 'name'])
      .ignore()
      .returning('id');
    return inserted.length;
  }

  /** The newest samples of one series first, optionally from `since` on. */
  async listByName(
    name: string,
    since: Date | undefined,
    limit: number,
  ): Promise<MetricSampleRecord[]> {
    const rows: SampleRow[] = await this.em
      .getKnex()
      .withSchema(schema)
      .from(table)
      .select(sampleColumns)
      .where('name', name)
      .modify((query) => {
        if (since) void query.andWhere('recorded_at', '>=', since);
      })
      .orderBy([
        { column: 'recorded_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(sampleFromRow);
  }

  async byIds(ids: readonly string[]): Promise<MetricSampleRecord[]> {
    const valid = ids.filter(isSampleId);
    if (valid.length === 0) return [];
    const rows: SampleRow[] = await this.em
      .getKnex()
      .withSchema(schema)
      .from(table)
      .select(sampleColumns)
      .whereIn('id', valid);
    return rows.map(sampleFromRow);
  }

  /** Count, sum, min, max, avg and time bounds of one series, aggregated by Postgres. */
  async summarize(name: string, since: Date | undefined): Promise<MetricSummary> {
    const knex = this.em.getKnex();
    const row = await knex
      .withSchema(schema)
      .from(table)
      .where('name', name)
      .modify((query) => {
        if (since) void query.andWhere('recorded_at', '>=', since);
      })
      .first<SummaryRow | undefined>(
        knex.raw(`count(*) as count, sum(value) as sum, min(value) as min, max(value) as max,
          avg(value) as avg, min(recorded_at) as first, max(recorded_at) as last`),
      );
    const count = Number(row?.count ?? 0);
    if (!row || count === 0) return emptySummary(name);
    return {
      name,
      count,
      sum: row.sum ?? 0,
      min: row.min,
      max: row.max,
      avg: row.avg,
      firstRecordedAt: new Date(row.first),
      lastRecordedAt: new Date(row.last),
    };
  }

  /**
   * Every series name, sorted. A loose index scan over (name, recorded_at): one index probe per
   * distinct name instead of reading every sample (https://wiki.postgresql.org/wiki/Loose_indexscan).
   */
  async names(): Promise<string[]> {
    const result = await this.em.getKnex().raw<{ rows: { name: string }[] }>(`
      with recursive names as (
        (select name from ${schema}.${table} order by name limit 1)
        union all
        select (select s.name from ${schema}.${table} s where s.name > n.name order by s.name limit 1)
        from names n
        where n.name is not null
      )
      select name from names where name is not null`);
    return result.rows.map((row) => row.name);
  }
}
