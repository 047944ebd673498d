import { Migration } from '@mikro-orm/migrations';

/**
 * The autonomy engine's second part (issue 15 §5): daily token and cost budgets per agent and
 * per department with the model calls' reservations against them, approval gates (per task kind
 * or per tool) and the runs that wait for one, a task's kind, and the source a scanned task came
 * from (one task per source).
 */
export class Migration0009AutonomyBudgetsApprovals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table agents.tasks add column kind text not null default 'general'
      check (kind ~ '^[a-z][a-z0-9_-]{0,39}$')`);
    // What an agent's scan found the task in (a message, a proposal): one task per source.
    this.addSql('alter table agents.tasks add column source_ref text');
    this.addSql(
      'create unique index tasks_source_ref_idx on agents.tasks (source_ref) where source_ref is not null',
    );
    this.addSql('alter table agents.tasks drop constraint tasks_status_check');
    this.addSql(`alter table agents.tasks add constraint tasks_status_check check (status in
      ('QUEUED', 'RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL', 'DONE', 'FAILED'))`);
    this.addSql('alter table agents.agent_runs drop constraint agent_runs_status_check');
    this
      .addSql(`alter table agents.agent_runs add constraint agent_runs_status_check check (status in
      ('RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL', 'SUCCEEDED', 'FAILED'))`);
    this.addSql('drop index agents.agent_runs_live_task_idx');
    this.addSql(`
      create unique index agent_runs_live_task_idx on agents.agent_runs (task_id)
        where status in ('RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL')`);
    this.addSql('alter table agents.run_steps drop constraint run_steps_kind_check');
    this.addSql(`alter table agents.run_steps add constraint run_steps_kind_check check (kind in
      ('PLAN', 'MODEL_CALL', 'TOOL_CALL', 'WAIT_FOR_CONSENSUS', 'WAIT_FOR_APPROVAL', 'COMPLETE'))`);
    // What each agent and department used on model calls per UTC day, and what calls in flight
    // hold: a call is made only when its worst case fits beside both.
    this.addSql(`
      create table agents.autonomy_budget_days (
        day date not null,
        scope text not null check (scope in ('AGENT', 'DEPARTMENT')),
        scope_id uuid not null,
        tokens bigint not null default 0 check (tokens >= 0),
        cost_usd double precision not null default 0 check (cost_usd >= 0),
        reserved_tokens bigint not null default 0 check (reserved_tokens >= 0),
        reserved_usd double precision not null default 0,
        primary key (day, scope, scope_id)
      )`);
    // A model call's reservation, keyed by its step: a resumed step finds it and takes no other.
    this.addSql(`
      create table agents.model_call_reservations (
        run_id uuid not null references agents.agent_runs (id),
        seq integer not null,
        day date not null,
        agent_id uuid not null,
        department_id uuid not null,
        tokens bigint not null check (tokens >= 0),
        cost_usd double precision not null check (cost_usd >= 0),
        reserved_at timestamptz not null default now(),
        primary key (run_id, seq)
      )`);
    // Approval gates as data: a task of this kind, or a call of this tool, waits for a person.
    this.addSql(`
      create table agents.approval_gates (
        subject text not null check (subject in ('TASK_KIND', 'TOOL')),
        name text not null check (char_length(name) between 1 and 40),
        created_by text not null,
        created_at timestamptz not null default now(),
        primary key (subject, name)
      )`);
  }
}
