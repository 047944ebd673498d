import { Migration } from '@mikro-orm/migrations';

/**
 * Where agents' sweep stands in each source of work it reads from another service (issue 15):
 * the bus may lose a `knowledge.entry.created` or a `proposal.closed`, so the sweep asks the
 * owner for what happened since its cursor. The cursors start now: what happened before agents
 * had them is not made into tasks (as no event of it was heard either).
 */
export class Migration0013ScanCursors extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agents.scan_cursors (
        source text primary key check (char_length(source) between 1 and 64),
        position timestamptz not null,
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      insert into agents.scan_cursors (source, position)
      values ('knowledge', now()), ('proposals', now())`);
  }
}
