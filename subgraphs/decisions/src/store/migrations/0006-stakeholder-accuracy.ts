import { Migration } from '@mikro-orm/migrations';

/**
 * Each stakeholder's overall track-record accuracy and the outcomes behind it, snapshotted at
 * open beside its evidence (issue 19): the dependence check asks how often two independent voters
 * of these accuracies would agree (domain/cmp/voter-dependence.ts). Rows written before stay null
 * and count as the prior's.
 */
export class Migration0006StakeholderAccuracy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table decisions.proposal_stakeholders
        add column accuracy double precision check (accuracy >= 0 and accuracy <= 1),
        add column accuracy_evidence double precision check (accuracy_evidence >= 0)`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table decisions.proposal_stakeholders
        drop column accuracy,
        drop column accuracy_evidence`);
  }
}
