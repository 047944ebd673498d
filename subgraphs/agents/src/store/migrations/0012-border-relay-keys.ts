import { Migration } from '@mikro-orm/migrations';

/**
 * Border relays carried exactly once (issue 16 §6): knowledge relays each outbox record under
 * its id, at least once (a call that agents carried but knowledge did not record is sent again),
 * so a message keeps the key it was relayed under, unique while set, and a repeat is answered
 * with the first message instead of storing a second. Messages people send carry none.
 */
export class Migration0012BorderRelayKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table agents.messages
        add column idempotency_key text check (char_length(idempotency_key) between 1 and 200)`);
    this.addSql(`
      create unique index messages_idempotency_key
        on agents.messages (idempotency_key) where idempotency_key is not null`);
  }
}
