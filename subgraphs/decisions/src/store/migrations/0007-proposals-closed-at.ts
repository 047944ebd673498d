import { Migration } from '@mikro-orm/migrations';

/**
 * Proposals by the time they closed (issue 15): agents' sweep follows what closed since its
 * cursor (`proposals(closedSince:)`), which this keeps a range read however long the history.
 */
export class Migration0007ProposalsClosedAt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index proposals_closed_at_idx
        on decisions.proposals (closed_at, id) where closed_at is not null`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index decisions.proposals_closed_at_idx');
  }
}
