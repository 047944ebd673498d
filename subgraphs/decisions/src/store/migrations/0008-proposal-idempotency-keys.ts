import { Migration } from '@mikro-orm/migrations';

/**
 * The idempotency key a creator may send with `createProposal` (issue 15), and a digest of the
 * request it came with: one proposal per creator and key, held by the constraint even when two
 * creates race, so a caller that repeats a create it lost the answer to gets the first proposal.
 * The length bound repeats the domain's (src/domain/proposal-key.ts).
 */
export class Migration0008ProposalIdempotencyKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table decisions.proposals
        add column idempotency_key text
          check (length(idempotency_key) between 1 and 200),
        add column idempotency_fingerprint text,
        add constraint proposals_idempotency_fingerprint_check
          check ((idempotency_key is null) = (idempotency_fingerprint is null)),
        add constraint proposals_idempotency_key unique (created_by, idempotency_key)`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table decisions.proposals
        drop constraint proposals_idempotency_key,
        drop constraint proposals_idempotency_fingerprint_check,
        drop column idempotency_fingerprint,
        drop column idempotency_key`);
  }
}
