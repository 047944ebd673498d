import { Migration } from '@mikro-orm/migrations';

/**
 * The tamper-evident decision ledger (`domain/ledger.ts`): one hash chain per proposal. `at` and
 * `payload` are text, kept exactly as they were hashed. Proposals opened before this migration
 * start their chain at their next entry.
 */
export class Migration0005DecisionLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table decisions.ledger (
        proposal_id uuid not null references decisions.proposals (id) on delete cascade,
        position integer not null check (position >= 1),
        kind text not null
          check (kind in ('CREATED', 'OPENED', 'VOTE', 'ROUND_CLOSED', 'TRANSITION', 'OUTCOME')),
        at text not null,
        payload text not null,
        previous_hash text not null check (previous_hash ~ '^[0-9a-f]{64}$'),
        hash text not null check (hash ~ '^[0-9a-f]{64}$'),
        primary key (proposal_id, position)
      )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table decisions.ledger');
  }
}
