import { Migration } from '@mikro-orm/migrations';

const statuses = `'DRAFT', 'OPEN', 'ACCEPTED', 'REJECTED', 'NO_CONSENSUS', 'ESCALATED', 'WITHDRAWN', 'EXPIRED'`;
const kinds = `'STRATEGIC', 'BRAND', 'RESOURCE_ALLOCATION', 'DATA_PRIVACY', 'RESEARCH_METHOD', 'CROSS_DEPARTMENT', 'QUALITY', 'DISPUTE'`;

/**
 * The CMP lifecycle (issue 4): proposal features and threshold, weighted stakeholders, voting
 * rounds with their results and bias findings, every status transition, and recorded real-world
 * outcomes. Rows written before CMP become one-round, simple-majority proposals. The check
 * constraints repeat the domain's limits (src/domain) so that no writer can bypass them.
 */
export class Migration0002CmpLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table decisions.proposals
        drop constraint proposals_status_check,
        drop constraint proposals_check,
        add column kind text not null default 'STRATEGIC' check (kind in (${kinds})),
        add column risk double precision not null default 0.5 check (risk between 0 and 1),
        add column stakeholder_impact double precision not null default 0.5
          check (stakeholder_impact between 0 and 1),
        add column urgency double precision not null default 0.5 check (urgency between 0 and 1),
        add column requester_subject text,
        add column requester_agent_id uuid,
        add column department_ids uuid[],
        add column max_rounds integer not null default 3 check (max_rounds between 1 and 10),
        add column current_round integer not null default 0,
        add column round_seconds integer not null default 3600
          check (round_seconds between 1 and 604800),
        add column threshold double precision check (threshold > 0 and threshold < 1),
        add column threshold_explanation text,
        add column threshold_terms jsonb,
        add column opened_at timestamptz`);
    this.addSql(`
      update decisions.proposals
         set requester_subject = created_by,
             department_ids = array[department_id],
             max_rounds = 1,
             current_round = 1,
             threshold = 0.5,
             threshold_explanation = 'simple majority (proposal opened before CMP)',
             threshold_terms = '[]'::jsonb,
             opened_at = created_at`);
    this.addSql(`
      alter table decisions.proposals
        alter column status set default 'DRAFT',
        alter column requester_subject set not null,
        alter column department_ids set not null,
        add constraint proposals_status_check check (status in (${statuses})),
        add constraint proposals_closed_at_check
          check ((status in ('DRAFT', 'OPEN')) = (closed_at is null)),
        add constraint proposals_round_check check (
          current_round between 0 and max_rounds
          and (status <> 'DRAFT' or current_round = 0)
          and (status <> 'OPEN' or (current_round >= 1 and threshold is not null))),
        add constraint proposals_departments_check
          check (cardinality(department_ids) between 1 and 64 and department_ids[1] = department_id)`);
    this.addSql(
      'create index proposals_department_ids_idx on decisions.proposals using gin (department_ids)',
    );
    this.addSql('create index proposals_kind_idx on decisions.proposals (kind)');

    // Stakeholders carry their normalised weight and the reason they vote (snapshotted at open).
    this.addSql(`
      alter table decisions.proposal_stakeholders
        add column weight double precision,
        add column why text,
        add column role text,
        add column department_id uuid`);
    this.addSql(`
      update decisions.proposal_stakeholders s
         set weight = 1.0 / counts.n, why = 'department agent (proposal opened before CMP)'
        from (select proposal_id, count(*) as n
                from decisions.proposal_stakeholders group by proposal_id) counts
       where counts.proposal_id = s.proposal_id`);
    this.addSql(`
      alter table decisions.proposal_stakeholders
        alter column weight set not null,
        alter column why set not null,
        add constraint proposal_stakeholders_weight_check check (weight >= 0 and weight <= 1)`);

    // One row per round: open while voting, then its result, decision and bias findings.
    this.addSql(`
      create table decisions.voting_rounds (
        proposal_id uuid not null references decisions.proposals (id) on delete cascade,
        round integer not null check (round >= 1),
        opened_at timestamptz not null default now(),
        deadline timestamptz not null,
        closed_at timestamptz,
        closed_because text,
        support double precision,
        interval_low double precision,
        interval_high double precision,
        margin double precision,
        participation double precision,
        decision text,
        bias_findings jsonb not null default '[]'::jsonb,
        primary key (proposal_id, round),
        check ((closed_at is null) = (decision is null))
      )`);
    this.addSql(`
      insert into decisions.voting_rounds (proposal_id, round, opened_at, deadline, closed_at,
                                           closed_because, decision)
      select id, 1, created_at, coalesce(deadline, created_at + interval '1 hour'), closed_at,
             case when closed_at is null then null else 'closed before CMP' end,
             case when closed_at is null then null else status end
        from decisions.proposals`);
    this.addSql(`
      alter table decisions.votes
        add constraint votes_round_fk foreign key (proposal_id, round)
          references decisions.voting_rounds (proposal_id, round)`);
    // Track records and bias checks read a few agents' latest votes across proposals.
    this.addSql('create index votes_agent_seq_idx on decisions.votes (agent_id, seq desc)');

    // Every status change (and every new round), append-only, in the order it happened.
    this.addSql(`
      create table decisions.proposal_transitions (
        id uuid primary key,
        seq bigserial not null unique,
        proposal_id uuid not null references decisions.proposals (id) on delete cascade,
        from_status text check (from_status in (${statuses})),
        to_status text not null check (to_status in (${statuses})),
        round integer not null check (round >= 0),
        at timestamptz not null default now(),
        by text not null,
        reason text check (length(reason) <= 2000)
      )`);
    this.addSql(
      'create index proposal_transitions_proposal_idx on decisions.proposal_transitions (proposal_id, seq)',
    );
    this.addSql(`
      insert into decisions.proposal_transitions (id, proposal_id, from_status, to_status, round, at, by, reason)
      select gen_random_uuid(), id, null, 'OPEN', 1, created_at, created_by, 'opened before CMP'
        from decisions.proposals`);
    this.addSql(`
      insert into decisions.proposal_transitions (id, proposal_id, from_status, to_status, round, at, by, reason)
      select gen_random_uuid(), id, 'OPEN', status, 1, closed_at, 'system', 'closed before CMP'
        from decisions.proposals where closed_at is not null`);

    // What really happened after a decision: the ground truth track records are estimated from.
    this.addSql(`
      create table decisions.proposal_outcomes (
        proposal_id uuid primary key references decisions.proposals (id) on delete cascade,
        outcome text not null check (outcome in ('APPROVE', 'REJECT')),
        note text not null default '' check (length(note) <= 2000),
        recorded_by text not null,
        recorded_at timestamptz not null default now()
      )`);
  }
}
