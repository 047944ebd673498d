import { Migration } from '@mikro-orm/migrations';

export class Migration0002AuditLog extends Migration {
  override async up(): Promise<void> {
    // Who asked for what, and how it ended (issue 12 §6). The gateway writes it; rows are never
    // changed or removed. Bounds match auditBounds (src/audit/domain/audit-entry.ts).
    this.addSql(`
      create table metrics.audit_log (
        -- Chosen by the gateway: a retried batch inserts nothing twice (on conflict do nothing).
        id uuid primary key,
        -- Milliseconds, as the gateway measures: the (occurred_at, id) cursor round-trips exactly.
        occurred_at timestamptz(3) not null,
        recorded_at timestamptz not null default now(),
        subject text check (length(subject) between 1 and 200),
        roles text[] not null default '{}' check (cardinality(roles) <= 16),
        department text check (length(department) between 1 and 200),
        client_ip text check (length(client_ip) between 1 and 100),
        operation_type text check (operation_type in ('QUERY', 'MUTATION', 'SUBSCRIPTION')),
        operation_name text check (length(operation_name) between 1 and 200),
        document_sha256 text check (document_sha256 ~ '^[0-9a-f]{64}$'),
        document text check (length(document) between 1 and 4096),
        outcome text not null check (outcome in ('OK', 'ERROR', 'REFUSED')),
        code text check (length(code) between 1 and 100),
        http_status smallint check (http_status between 100 and 599),
        duration_ms integer check (duration_ms between 0 and 3600000),
        request_id text check (length(request_id) between 1 and 200)
      )`);
    // Pages are newest first, whole or by subject, outcome or code: each a keyset range scan.
    this.addSql(
      'create index audit_log_occurred_at_id_idx on metrics.audit_log (occurred_at desc, id desc)',
    );
    for (const column of ['subject', 'outcome', 'code']) {
      this.addSql(
        `create index audit_log_${column}_occurred_at_idx on metrics.audit_log (${column}, occurred_at desc, id desc)`,
      );
    }
    // Append-only in the database itself, so not even a bug in a service can rewrite history.
    // Statement-level, so an UPDATE or DELETE is refused even when it matches no row. (An owner
    // can still drop the trigger: this guards against mistakes, not against the DBA.)
    this.addSql(`
      create function metrics.audit_log_append_only() returns trigger
      language plpgsql as $$
      begin
        raise exception 'metrics.audit_log is append-only: % is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end
      $$`);
    this.addSql(`
      create trigger audit_log_append_only
      before update or delete or truncate on metrics.audit_log
      for each statement execute function metrics.audit_log_append_only()`);
  }
}
