import { Migration } from '@mikro-orm/migrations';

/**
 * The LLM router (issue 5).
 *
 * - `router_models`: the registry's models. Models from the environment or a file are written on
 *   every start (source CONFIG, their keys stay in memory and never reach this table); models
 *   registered by admins (source ADMIN) keep their key here, and no API ever reads it back.
 * - `router_stats_buckets`: one row per (model, task type, hour), added to by every call, so a
 *   7-day window is at most 168 rows per pair whatever the traffic: `routingStats` never scans
 *   calls. The latency histogram has fixed bins and is added element by element.
 * - `router_posteriors`: the quality posterior per (model, task type) that selection samples from.
 * - `router_decisions`: every selection with its reasoning, candidates and what the call did.
 */
export class Migration0006Router extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agents.router_models (
        name text primary key check (char_length(name) between 1 and 100),
        source text not null check (source in ('CONFIG', 'ADMIN')),
        spec jsonb not null,
        api_key text,
        enabled boolean not null default true,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table agents.router_stats_buckets (
        model text not null,
        task_type text not null,
        bucket_start timestamptz not null,
        calls integer not null default 0,
        errors integer not null default 0,
        quality_sum double precision not null default 0,
        quality_count integer not null default 0,
        cost_usd double precision not null default 0,
        input_tokens bigint not null default 0,
        output_tokens bigint not null default 0,
        latency_histogram integer[] not null,
        primary key (model, task_type, bucket_start)
      )`);
    this.addSql(
      'create index router_stats_buckets_start_idx on agents.router_stats_buckets (bucket_start)',
    );
    this.addSql(`
      create table agents.router_posteriors (
        model text not null,
        task_type text not null,
        state jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (model, task_type)
      )`);
    this.addSql(`
      create table agents.router_decisions (
        id uuid primary key,
        created_at timestamptz not null default now(),
        task_type text not null,
        classification jsonb not null,
        request jsonb not null,
        selected_model text not null,
        confidence double precision not null,
        reasoning text not null,
        candidates jsonb not null,
        fallbacks text[] not null,
        status text not null check (status in ('SELECTED', 'SUCCEEDED', 'FAILED')),
        served_by text,
        attempts jsonb not null default '[]',
        latency_ms double precision,
        cost_usd double precision,
        input_tokens integer,
        output_tokens integer,
        quality double precision,
        feedback double precision,
        error_reason text
      )`);
    this.addSql(
      'create index router_decisions_task_type_idx on agents.router_decisions (task_type, created_at)',
    );
  }
}
