import { Migration } from '@mikro-orm/migrations';

/**
 * Routed calls made at most once per key (issue 15): an agent run's model-call step routes under
 * its own key. The decision keeps the key (unique while set) and the answer it got, so a worker
 * that resumes the step after its predecessor died is answered from the store instead of calling
 * again; `resent` counts the calls sent again because their caller died before the answer.
 */
export class Migration0010RouterIdempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table agents.router_decisions
        add column idempotency_key text,
        add column answer jsonb,
        add column resent integer not null default 0`);
    this.addSql(`
      create unique index router_decisions_idempotency_key
        on agents.router_decisions (idempotency_key) where idempotency_key is not null`);
  }
}
