import {
  emptyCounts,
  recordProposal,
  summarizeBiasHistory,
  type BiasHistory,
} from './bias-history.js';
import { defaultBiasParams, type BiasParams } from './bias-params.js';
import { detectBlocVoting } from './bloc-voting.js';
import type { Ballot, BiasFinding, PastBallot, Voter } from './contracts.js';
import { detectCopiedRationales } from './copied-rationale.js';
import { detectHerding } from './herding.js';
import { detectOneSidedVoting } from './one-sided-voting.js';

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
  params?: Partial<BiasParams>;
}

/**
 * The bias report of a proposal so far: one-sided voters and department blocs from the history
 * plus this proposal's blind round; herding once the proposal has a later round (it is about the
 * votes that could follow the shown majority); copied rationales in the latest round.
 */
export function detectBias(input: DetectBiasInput): BiasFinding[] {
  const params = { ...defaultBiasParams, ...input.params };
  const departmentOf = new Map(input.voters.map((v) => [v.agentId, v.departmentId]));
  const base = Array.isArray(input.history)
    ? summarizeBiasHistory(input.history as readonly PastBallot[], input.voters)
    : (input.history as BiasHistory);
  // A copy holding only these voters: this proposal's rounds count without touching the history.
  const current: BiasHistory = {
    agents: new Map(
      input.voters.map((v) => [v.agentId, { ...(base.agents.get(v.agentId) ?? emptyCounts()) }]),
    ),
    blindVotes: base.blindVotes,
    blindApprovals: base.blindApprovals,
  };
  recordProposal(current, input.rounds, departmentOf, null);
  const agentIds = input.voters.map((v) => v.agentId);
  const latest = input.rounds.at(-1) ?? [];
  return [
    ...detectOneSidedVoting(current, agentIds, params),
    ...detectBlocVoting(current, input.voters, params),
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
