import { Migration } from '@mikro-orm/migrations';

/**
 * Executives vote (issue 4, "Votes"): a person who votes on a proposal becomes one of its voters,
 * a stakeholder row with `person_subject` set (their token's subject) and a voter id of its own,
 * so their votes share the votes table, its history, idempotency and live tally with the agents'.
 * Person voters get no vote requests and do not hold a round open; their evidence is the
 * executive prior (`domain/executive-vote.ts`). Votes carry the subject too, so the tally and the
 * seal of a blind round tell them apart without a join.
 */
export class Migration0004ExecutiveVotes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table decisions.proposal_stakeholders
        add column person_subject text check (length(person_subject) between 1 and 200)`);
    this.addSql(`
      create unique index proposal_stakeholders_person_idx
        on decisions.proposal_stakeholders (proposal_id, person_subject)
        where person_subject is not null`);
    this.addSql('alter table decisions.votes add column person_subject text');
    this.addSql('alter table decisions.vote_history add column person_subject text');
  }

  override async down(): Promise<void> {
    this.addSql('alter table decisions.vote_history drop column person_subject');
    this.addSql('alter table decisions.votes drop column person_subject');
    this.addSql('drop index decisions.proposal_stakeholders_person_idx');
    this.addSql('alter table decisions.proposal_stakeholders drop column person_subject');
  }
}
