import { Migration } from '@mikro-orm/migrations';

export class Migration0001Organization extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agents.departments (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text not null check (length(name) between 1 and 100),
        ordinal integer not null,
        version integer not null default 1,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table agents.agents (
        id uuid primary key,
        slug text not null unique,
        name text not null check (length(name) between 1 and 100),
        role text not null,
        status text not null default 'IDLE',
        department_id uuid not null references agents.departments (id),
        version integer not null default 1,
        created_at timestamptz not null default now()
      )`);
    this.addSql('create index agents_department_id_idx on agents.agents (department_id)');
  }
}
