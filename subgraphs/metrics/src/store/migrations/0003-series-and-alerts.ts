import { Migration } from '@mikro-orm/migrations';

export class Migration0003SeriesAndAlerts extends Migration {
  override async up(): Promise<void> {
    // Scraped Prometheus series (issue 17): one row per label set, points in a table partitioned
    // by day (native range partitioning), so retention drops whole partitions instead of deleting
    // rows. Partitions are created ahead and dropped by the maintenance job (series/operations).
    this.addSql(`
      create table metrics.series (
        id bigserial primary key,
        name text not null check (length(name) between 1 and 200),
        labels jsonb not null check (jsonb_typeof(labels) = 'object'),
        constraint series_name_labels_key unique (name, labels)
      )`);
    this.addSql(`
      create table metrics.series_points (
        series_id bigint not null,
        at timestamptz not null,
        value double precision not null,
        primary key (series_id, at)
      ) partition by range (at)`);
    // Current state of every alert the embedded evaluator has seen, by fingerprint (its labels).
    this.addSql(`
      create table metrics.alerts (
        id text primary key check (id ~ '^[0-9a-f]{16}$'),
        rule text not null,
        severity text not null check (severity in ('critical', 'warning', 'info')),
        state text not null check (state in ('PENDING', 'FIRING', 'RESOLVED')),
        labels jsonb not null,
        annotations jsonb not null,
        value double precision not null,
        active_at timestamptz not null,
        updated_at timestamptz not null,
        resolved_at timestamptz
      )`);
    this.addSql('create index alerts_state_severity_idx on metrics.alerts (state, severity)');
    // Every state change, append-only: the history behind alertUpdates.
    this.addSql(`
      create table metrics.alert_transitions (
        id bigserial primary key,
        alert_id text not null references metrics.alerts (id),
        from_state text check (from_state in ('PENDING', 'FIRING', 'RESOLVED')),
        to_state text not null check (to_state in ('PENDING', 'FIRING', 'RESOLVED')),
        value double precision not null,
        at timestamptz not null
      )`);
    this.addSql(
      'create index alert_transitions_alert_id_idx on metrics.alert_transitions (alert_id, id)',
    );
  }
}
