import { Migration } from '@mikro-orm/migrations';

/**
 * Retirement (departments and agents keep their rows: history and other subgraphs refer to them)
 * and an agent's hot state: current task, load and budget used. Postgres holds the truth; the
 * hot-state cache is written through.
 */
export class Migration0003LifecycleAndState extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table agents.departments add column retired_at timestamptz');
    this.addSql(`
      alter table agents.agents
        add column retired_at timestamptz,
        add column current_task text check (length(current_task) <= 500),
        add column load double precision not null default 0 check (load >= 0 and load <= 1),
        add column budget_used_usd double precision not null default 0
          check (budget_used_usd >= 0),
        add column state_updated_at timestamptz`);
  }
}
