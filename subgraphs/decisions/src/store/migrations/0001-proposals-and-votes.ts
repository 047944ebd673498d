import { Migration } from '@mikro-orm/migrations';

/**
 * Proposals, their stakeholder snapshot, votes and the append-only vote history. The check
 * constraints repeat the domain's limits (src/domain) so that no writer can bypass them.
 */
export class Migration0001ProposalsAndVotes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table decisions.proposals (
        id uuid primary key,
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 10000),
        department_id uuid not null,
        status text not null default 'OPEN'
          check (status in ('OPEN', 'ACCEPTED', 'REJECTED', 'NO_CONSENSUS')),
        created_by text not null,
        created_at timestamptz not null default now(),
        deadline timestamptz,
        closed_at timestamptz,
        check ((status = 'OPEN') = (closed_at is null))
      )`);
    this.addSql(
      'create index proposals_created_at_idx on decisions.proposals (created_at desc, id)',
    );
    this.addSql(
      'create index proposals_department_idx on decisions.proposals (department_id, created_at desc)',
    );
    this.addSql(`
      create table decisions.proposal_stakeholders (
        proposal_id uuid not null references decisions.proposals (id) on delete cascade,
        agent_id uuid not null,
        primary key (proposal_id, agent_id)
      )`);
    this.addSql(`
      create table decisions.votes (
        id uuid primary key,
        proposal_id uuid not null references decisions.proposals (id) on delete cascade,
        agent_id uuid not null,
        round integer not null default 1 check (round >= 1),
        choice text not null check (choice in ('APPROVE', 'REJECT', 'ABSTAIN')),
        confidence double precision not null default 1 check (confidence between 0 and 1),
        rationale text check (length(rationale) <= 2000),
        seq bigserial not null unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (proposal_id, round, agent_id),
        -- Only a stakeholder votes: the database holds the line even if a writer forgets.
        foreign key (proposal_id, agent_id)
          references decisions.proposal_stakeholders (proposal_id, agent_id)
      )`);
    this.addSql('create index votes_proposal_seq_idx on decisions.votes (proposal_id, seq)');
    // Every accepted vote (first cast or change) as it was, so a tally "as of" a vote shows the
    // state that vote's event announced even after later changes. Append-only.
    this.addSql(`
      create table decisions.vote_history (
        seq bigint primary key,
        vote_id uuid not null references decisions.votes (id) on delete cascade,
        proposal_id uuid not null,
        agent_id uuid not null,
        round integer not null,
        choice text not null,
        confidence double precision not null,
        rationale text,
        recorded_at timestamptz not null default now()
      )`);
    this.addSql(
      'create index vote_history_proposal_idx on decisions.vote_history (proposal_id, round, seq)',
    );
  }
}
