import { Migration } from '@mikro-orm/migrations';

/**
 * Outcome signals on routing decisions (issue 18): the outcome of the agent's task, or of the CMP
 * decision, that a routed answer served, at most one of each per decision, so a redelivered
 * outcome counts once in the router's posteriors.
 */
export class Migration0008RouterOutcomeSignals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agents.router_decision_signals (
        decision_id uuid not null references agents.router_decisions (id) on delete cascade,
        source text not null check (source in ('task', 'decision')),
        quality double precision not null check (quality between 0 and 1),
        recorded_at timestamptz not null default now(),
        primary key (decision_id, source)
      )`);
  }
}
