import { Migration } from '@mikro-orm/migrations';

/**
 * Organization admin (issue 3). The database now guarantees what the admin mutations rely on:
 * one department per cell (admin writes serialize ordinal allocation too, but a seed and a create
 * racing must fail rather than share a cell), slugs of at most 63 characters and agent slugs in
 * the same URL-safe form as department slugs, and an index for each keyset-paginated agent order:
 * (name, id) for `agentPage`, (department_id, name, id) for `agentPage` by department.
 */
export class Migration0005OrganizationAdmin extends Migration {
  override async up(): Promise<void> {
    this.addSql('create unique index departments_ordinal_idx on agents.departments (ordinal)');
    this.addSql(`
      alter table agents.departments
        add constraint departments_slug_length_check check (length(slug) <= 63)`);
    this.addSql(`
      alter table agents.agents
        add constraint agents_slug_check
          check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63)`);
    this.addSql('create index agents_name_id_idx on agents.agents (name, id)');
    this.addSql(
      'create index agents_department_name_id_idx on agents.agents (department_id, name, id)',
    );
  }
}
