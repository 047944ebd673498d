import { Migration } from '@mikro-orm/migrations';

/**
 * The autonomy engine (issue 15): tasks, their runs, every step of a run checkpointed, and the
 * effects of non-idempotent tools keyed by the step that caused them. Bounds match
 * `autonomy/domain/task.ts` when this was written; a later change to them needs a new migration.
 */
export class Migration0007Autonomy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agents.tasks (
        id uuid primary key,
        title text not null check (char_length(title) between 1 and 200),
        description text not null default '' check (char_length(description) <= 4000),
        required_capabilities text[] not null default '{}',
        complexity double precision not null check (complexity between 0 and 1),
        priority integer not null check (priority between 1 and 5),
        department_id uuid not null references agents.departments (id),
        assignee_id uuid not null references agents.agents (id),
        deadline timestamptz,
        budget_usd double precision not null check (budget_usd >= 0),
        spent_usd double precision not null default 0 check (spent_usd >= 0),
        status text not null check (status in
          ('QUEUED', 'RUNNING', 'WAITING_FOR_CONSENSUS', 'DONE', 'FAILED')),
        result text,
        error_code text,
        parent_id uuid references agents.tasks (id),
        source text not null check (source in ('PERSON', 'AGENT_SCAN', 'FOLLOW_UP')),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(
      'create index tasks_department_idx on agents.tasks (department_id, created_at desc, id)',
    );
    this.addSql(
      "create index tasks_assignee_open_idx on agents.tasks (assignee_id) where status in ('QUEUED', 'RUNNING')",
    );
    this.addSql(`
      create table agents.agent_runs (
        id uuid primary key,
        task_id uuid not null references agents.tasks (id),
        agent_id uuid not null references agents.agents (id),
        status text not null check (status in
          ('RUNNING', 'WAITING_FOR_CONSENSUS', 'SUCCEEDED', 'FAILED')),
        -- The worker holding the run and until when: another may take it over after that.
        lease_owner text,
        lease_until timestamptz,
        tokens integer not null default 0,
        cost_usd double precision not null default 0,
        error_code text,
        -- The CMP proposal a WAITING_FOR_CONSENSUS run waits for.
        proposal_id uuid,
        started_at timestamptz not null default now(),
        ended_at timestamptz
      )`);
    // One live run per task.
    this.addSql(`
      create unique index agent_runs_live_task_idx on agents.agent_runs (task_id)
        where status in ('RUNNING', 'WAITING_FOR_CONSENSUS')`);
    this.addSql('create index agent_runs_agent_idx on agents.agent_runs (agent_id, status)');
    this.addSql(
      'create index agent_runs_proposal_idx on agents.agent_runs (proposal_id) where proposal_id is not null',
    );
    this.addSql(`
      create table agents.run_steps (
        run_id uuid not null references agents.agent_runs (id),
        seq integer not null check (seq >= 0),
        kind text not null check (kind in
          ('PLAN', 'MODEL_CALL', 'TOOL_CALL', 'WAIT_FOR_CONSENSUS', 'COMPLETE')),
        status text not null check (status in ('STARTED', 'DONE', 'REFUSED')),
        input jsonb not null,
        output jsonb,
        error_code text,
        model text,
        tokens integer not null default 0,
        cost_usd double precision not null default 0,
        -- How many times the step was started (more than 1: a worker died during it).
        attempts integer not null default 1,
        started_at timestamptz not null default now(),
        ended_at timestamptz,
        primary key (run_id, seq)
      )`);
    // The global kill switch: one row; halted, no run takes another step.
    this.addSql(`
      create table agents.autonomy_control (
        id boolean primary key default true check (id),
        halted boolean not null default false,
        reason text,
        changed_by text,
        changed_at timestamptz not null default now()
      )`);
    this.addSql('insert into agents.autonomy_control (id) values (true)');
    this.addSql(`
      create table agents.tool_effects (
        idempotency_key text primary key,
        tool text not null,
        intent jsonb not null,
        effect jsonb not null,
        recorded_at timestamptz not null default now()
      )`);
  }
}
