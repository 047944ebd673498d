import {
  emptyCounts,
  pairCounts,
  recordProposal,
  summarizeBiasHistory,
  type BiasHistory,
} from './bias-history.js';
import { defaultBiasParams, type BiasParams } from './bias-params.js';
import { detectBlocVoting } from './bloc-voting.js';
import type {
  AccuracyEstimate,
  Ballot,
  BiasFinding,
  PastBallot,
  ProposalKind,
  Voter,
} from './contracts.js';
import { detectCopiedRationales } from './copied-rationale.js';
import { detectHerding } from './herding.js';
import { detectOneSidedVoting } from './one-sided-voting.js';
import { priorAccuracy } from './track-records.js';
import { detectDependentVoters } from './voter-dependence.js';

export interface DetectBiasInput {
  /** This proposal's rounds so far, in order. */
  rounds: readonly (readonly Ballot[])[];
  /**
   * The voters' past: raw ballots of closed proposals, or their running summary
   * (`summarizeBiasHistory` once, then `recordProposal` per closed proposal) — the fast path.
   */
  history: readonly PastBallot[] | BiasHistory;
  /** This proposal's stakeholders as agents (departments matter for blocs). */
  voters: readonly Voter[];
  /**
   * The voters' track-record accuracies (overall, with the outcomes behind them): what the
   * dependence check expects independent voters to agree from. Absent: the prior's.
   */
  accuracies?: ReadonlyMap<string, AccuracyEstimate>;
  /** The proposal's kind: pairs are compared on past proposals of this kind (and `accuracies` are this kind's). */
  kind?: ProposalKind;
  params?: Partial<BiasParams>;
}

const priorRecord: AccuracyEstimate = { accuracy: priorAccuracy(), evidence: 10 };

/**
 * The bias report of a proposal so far: one-sided voters and department blocs from the history
 * plus this proposal's blind round; dependent voters across departments (pairwise blind agreement
 * beyond their accuracies, `voter-dependence.ts`) among the rest; herding once the proposal has a
 * later round (it is about the votes that could follow the shown majority); copied rationales in
 * the latest round.
 */
export function detectBias(input: DetectBiasInput): BiasFinding[] {
  const params = { ...defaultBiasParams, ...input.params };
  const departmentOf = new Map(input.voters.map((v) => [v.agentId, v.departmentId]));
  const base = Array.isArray(input.history)
    ? summarizeBiasHistory(input.history as readonly PastBallot[], input.voters)
    : (input.history as BiasHistory);
  // A copy holding only these voters: this proposal's rounds count without touching the history
  // (its pairs are counted apart and added to the history's).
  const current: BiasHistory = {
    agents: new Map(
      input.voters.map((v) => [v.agentId, { ...(base.agents.get(v.agentId) ?? emptyCounts()) }]),
    ),
    blindVotes: base.blindVotes,
    blindApprovals: base.blindApprovals,
    pairs: new Map(),
    // A panel too large to check pairwise counts no pairs at all.
    pairScope: new Set(input.voters.length > params.dependenceMaxVoters ? [] : departmentOf.keys()),
  };
  const kind = input.kind ?? '';
  recordProposal(current, input.rounds, departmentOf, null, kind);
  const agentIds = input.voters.map((v) => v.agentId);
  const latest = input.rounds.at(-1) ?? [];
  const oneSided = detectOneSidedVoting(current, agentIds, params);
  const blocs = detectBlocVoting(current, input.voters, params);
  // Voters already counted as ignoring the merits agree with each other for that reason.
  const excluded = new Set([...oneSided, ...blocs].flatMap((finding) => finding.agentIds));
  const dependent = detectDependentVoters({
    voters: input.voters,
    pairs: (a, b) => {
      const past = pairCounts(base, a, b, kind);
      const now = pairCounts(current, a, b, kind);
      return { votes: past.votes + now.votes, agreed: past.agreed + now.agreed };
    },
    accuracy: (agentId) => input.accuracies?.get(agentId) ?? priorRecord,
    excluded,
    params,
  });
  return [
    ...oneSided,
    ...blocs,
    ...dependent,
    ...(input.rounds.length > 1
      ? detectHerding(
          current,
          latest.map((b) => b.agentId),
          agentIds.length,
          params,
        )
      : []),
    ...detectCopiedRationales(latest, params),
  ];
}
