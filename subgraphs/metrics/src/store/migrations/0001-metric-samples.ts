import { Migration } from '@mikro-orm/migrations';

export class Migration0001MetricSamples extends Migration {
  override async up(): Promise<void> {
    // A plain table for now; it becomes a table partitioned by range of recorded_at (ARCHITECTURE
    // §2) once retention needs dropping old partitions. Queries already filter on recorded_at.
    this.addSql(`
      create table metrics.metric_samples (
        id bigserial primary key,
        name text not null check (length(name) between 1 and 200),
        value double precision not null,
        labels jsonb not null default '{}'::jsonb check (jsonb_typeof(labels) = 'object'),
        event_id uuid not null,
        recorded_at timestamptz not null,
        -- One sample per (event, series): a redelivered event inserts nothing.
        constraint metric_samples_event_name_key unique (event_id, name)
      )`);
    this.addSql(
      'create index metric_samples_name_recorded_at_idx on metrics.metric_samples (name, recorded_at)',
    );
  }
}
