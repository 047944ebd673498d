import { Migration } from '@mikro-orm/migrations';

/**
 * The evidence each stakeholder's vote carries (relevance × log-odds of its track record, and the
 * variance of that estimate), snapshotted at open with the weight: CMP's support is the posterior
 * computed from it (domain/cmp/posterior-support.ts). Rows written before stay null and count as
 * agents without a track record.
 */
export class Migration0003StakeholderEvidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table decisions.proposal_stakeholders
        add column log_odds double precision check (log_odds >= 0),
        add column log_odds_variance double precision check (log_odds_variance >= 0)`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table decisions.proposal_stakeholders
        drop column log_odds,
        drop column log_odds_variance`);
  }
}
