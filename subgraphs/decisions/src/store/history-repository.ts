import type {
  KindHistory,
  Outcome,
  PastBallot,
  ProposalKind,
  RecordedVote,
} from '../domain/cmp/contracts.js';
import { decidedStatuses, kindHistoryOf, type DecidedStatus } from '../domain/cmp/threshold.js';
import { uuidArrayLiteral, type SqlConnection } from '@daena/platform';

/**
 * How many recent closed proposals bias checks read: enough for the checks' minimum counts (10
 * blind votes, 10 split votes, 5 changes) many times over, bounded however long the history.
 */
const pastProposalsForBias = 200;

/**
 * How many recent proposals without a recorded outcome the track records learn from (with all
 * of those with one): at 64 voters, about 64,000 votes, an EM of a few tens of milliseconds.
 */
const unlabelledProposalsForTrackRecords = 1000;

/**
 * What CMP learns from the past, aggregated or filtered in SQL so that opening a proposal never
 * loads the whole vote history: the blind votes on the proposals the candidate stakeholders voted
 * on (all with a recorded outcome, the latest without), and the kind's decision counts.
 */
export class HistoryRepository {
  /** Runs on a request's connection, or inside a transaction (`DecisionTransaction.history`). */
  constructor(private readonly sql: SqlConnection) {}

  /**
   * How decisions of this kind turned out: its decided proposals with a recorded outcome, counted
   * by (status, outcome) here and judged by `kindHistoryOf`.
   */
  async kindHistory(kind: ProposalKind): Promise<KindHistory> {
    const rows = await this.sql.rows<{
      status: DecidedStatus;
      outcome: Outcome;
      proposals: string;
    }>(
      `select p.status, o.outcome, count(*) as proposals
         from decisions.proposal_outcomes o
         join decisions.proposals p on p.id = o.proposal_id
        where p.kind = ? and p.status = any(?::text[])
        group by p.status, o.outcome`,
      [kind, `{${decidedStatuses.join(',')}}`],
    );
    return kindHistoryOf(rows.map((row) => ({ ...row, proposals: Number(row.proposals) })));
  }

  /**
   * The evidence `estimateTrackRecords` needs for these agents (issue 19: semi-supervised): every
   * blind (round-1) decisive vote, of every voter, on the proposals these agents voted on whose
   * blind round is over — those with a recorded outcome, and the latest
   * `unlabelledProposals` without one — with each proposal's kind, and the outcomes where
   * recorded. The other voters' votes are what lets EM infer an unrecorded outcome; the bound
   * keeps opening a proposal from reading the whole history.
   */
  async recordedVotes(
    agentIds: readonly string[],
    unlabelledProposals = unlabelledProposalsForTrackRecords,
  ): Promise<{ votes: RecordedVote[]; outcomes: Map<string, Outcome> }> {
    if (agentIds.length === 0) return { votes: [], outcomes: new Map() };
    const rows = await this.sql.rows<{
      proposal_id: string;
      agent_id: string;
      choice: RecordedVote['choice'];
      kind: ProposalKind;
      outcome: Outcome | null;
    }>(
      `with theirs as (
         select distinct v.proposal_id
           from decisions.votes v
           join decisions.proposals p on p.id = v.proposal_id
          where v.agent_id = any(?::uuid[]) and v.round = 1
            and (p.current_round > 1 or p.closed_at is not null)),
       labelled as (
         select t.proposal_id from theirs t
           join decisions.proposal_outcomes o on o.proposal_id = t.proposal_id),
       unlabelled as (
         select t.proposal_id from theirs t
           join decisions.proposals p on p.id = t.proposal_id
          where not exists (
            select 1 from decisions.proposal_outcomes o where o.proposal_id = t.proposal_id)
          order by p.opened_at desc nulls last, p.id
          limit ?),
       chosen as (select proposal_id from labelled union select proposal_id from unlabelled)
       select v.proposal_id, v.agent_id, v.choice, p.kind, o.outcome
         from chosen c
         join decisions.proposals p on p.id = c.proposal_id
         join decisions.votes v on v.proposal_id = c.proposal_id and v.round = 1
         left join decisions.proposal_outcomes o on o.proposal_id = c.proposal_id
        where v.choice <> 'ABSTAIN' and v.person_subject is null`,
      [uuidArrayLiteral(agentIds), unlabelledProposals],
    );
    const outcomes = new Map<string, Outcome>();
    const votes = rows.map((row) => {
      if (row.outcome) outcomes.set(row.proposal_id, row.outcome);
      return {
        proposalId: row.proposal_id,
        agentId: row.agent_id,
        choice: row.choice,
        kind: row.kind,
      };
    });
    return { votes, outcomes };
  }

  /**
   * Every ballot (all voters, all rounds) of the latest `proposals` closed proposals any of these
   * agents voted on, with their recorded outcomes: bias checks compare a voter with its
   * department-mates and with the majority it saw, so they need whole proposals, but only recent
   * ones. `excludeId` leaves out the proposal being decided.
   */
  async pastBallots(
    agentIds: readonly string[],
    excludeId: string,
    proposals = pastProposalsForBias,
  ): Promise<PastBallot[]> {
    if (agentIds.length === 0) return [];
    const rows = await this.sql.rows<{
      proposal_id: string;
      agent_id: string;
      round: number;
      choice: PastBallot['choice'];
      confidence: number;
      rationale: string | null;
      outcome: Outcome | null;
      kind: ProposalKind;
    }>(
      `with recent as (
         select v.proposal_id
           from decisions.votes v
           join decisions.proposals p on p.id = v.proposal_id
          where v.agent_id = any(?::uuid[]) and p.closed_at is not null and p.id <> ?
          group by v.proposal_id
          order by max(v.seq) desc
          limit ?)
       select v.proposal_id, v.agent_id, v.round, v.choice, v.confidence, v.rationale, o.outcome,
              p.kind
         from recent
         join decisions.proposals p on p.id = recent.proposal_id
         join decisions.votes v on v.proposal_id = recent.proposal_id
         left join decisions.proposal_outcomes o on o.proposal_id = recent.proposal_id
        order by v.proposal_id, v.round, v.seq`,
      [uuidArrayLiteral(agentIds), excludeId, proposals],
    );
    return rows.map((row) => ({
      proposalId: row.proposal_id,
      agentId: row.agent_id,
      round: row.round,
      choice: row.choice,
      confidence: row.confidence,
      rationale: row.rationale,
      outcome: row.outcome,
      kind: row.kind,
    }));
  }
}
