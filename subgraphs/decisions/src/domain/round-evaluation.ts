import {
  aggregateRound,
  applyMitigations,
  decideRound,
  detectBias,
  type Ballot,
  type BiasFinding,
  type PastBallot,
  type RoundDecision,
  type RoundResult,
  type Stakeholder,
  type Voter,
} from './cmp/index.js';

export interface RoundInput {
  /** The round closing (the last of `rounds`). */
  round: number;
  maxRounds: number;
  threshold: number;
  /** Stakeholders with their weights snapshotted at open, and their departments. */
  stakeholders: readonly (Stakeholder & { departmentId: string; role: string })[];
  /** This proposal's ballots, round by round, up to the closing one. */
  rounds: readonly (readonly Ballot[])[];
  /**
   * The executives who voted on the proposal, each under their voter id with the executive
   * prior's evidence: counted in the result, outside the weight cap and the bias checks.
   */
  executives?: readonly Stakeholder[];
  /** The stakeholders' recent past (complete ballots of closed proposals they voted on). */
  history: readonly PastBallot[];
  /** No further round may follow (the maximum is reached, or a person closes it now). */
  lastRound: boolean;
  /**
   * A person closes the round now (an executive's close): findings that would go to a person are
   * reported to them, and the decision stands.
   */
  closedByPerson?: boolean;
}

export interface RoundEvaluation {
  result: RoundResult;
  findings: BiasFinding[];
  /** The agents' weights the result was computed with, after mitigation. */
  weights: Stakeholder[];
  /**
   * ACCEPTED or REJECTED when the interval clears the threshold, NEXT_ROUND when another round
   * may still decide (or a finding asks for an independent re-vote), ESCALATED when such a finding
   * meets the last round, else NO_CONSENSUS.
   */
  decision: RoundDecision;
}

/**
 * Closes one round (issue 4, "Rounds" and "Bias detection"): detectBias over the proposal so far
 * and the voters' past → applyMitigations (down-weighting) → aggregateRound (support: the
 * posterior that approving is right, with its 95% interval) → decideRound (the sequential stopping
 * rule, nobody left to vote). A REVOTE finding turns a decision into another round while rounds
 * remain; in the last round it becomes FLAG_FOR_PERSON and the proposal is ESCALATED.
 */
export function evaluateRound(input: RoundInput): RoundEvaluation {
  const voters: Voter[] = input.stakeholders.map((s) => ({
    agentId: s.agentId,
    role: s.role,
    departmentId: s.departmentId,
  }));
  const executives = input.executives ?? [];
  const people = new Set(executives.map((executive) => executive.agentId));
  // Bias checks look at agents: a person has no voting history in CMP to judge them against.
  const agentRounds = input.rounds.map((ballots) => ballots.filter((b) => !people.has(b.agentId)));
  const findings = detectBias({ rounds: agentRounds, history: input.history, voters });
  const weights = applyMitigations(input.stakeholders, findings);
  const ballots = input.rounds[input.round - 1] ?? [];
  const result = aggregateRound(
    ballots,
    [...weights, ...executives.map((executive) => ({ ...executive, weight: 0, person: true }))],
    input.threshold,
  );
  const maxRounds = input.lastRound ? input.round : input.maxRounds;
  const decision: RoundDecision = decideRound(result, input.threshold, input.round, maxRounds);
  const revote = findings.some((finding) => finding.mitigation === 'REVOTE');
  const decided = decision === 'ACCEPTED' || decision === 'REJECTED';
  if (!revote || !decided) return { result, findings, weights, decision };
  if (input.round < maxRounds) return { result, findings, weights, decision: 'NEXT_ROUND' };
  // No round is left for the independent re-vote: the decision would rest on the very votes the
  // finding doubts, so it goes to a person (ESCALATED) — unless a person is closing it now.
  const flagged = findings.map((finding) =>
    finding.mitigation === 'REVOTE'
      ? {
          ...finding,
          mitigation: 'FLAG_FOR_PERSON' as const,
          evidence: `${finding.evidence} No round is left for a re-vote: flagged for a person.`,
        }
      : finding,
  );
  if (input.closedByPerson) return { result, findings: flagged, weights, decision };
  return { result, findings: flagged, weights, decision: 'ESCALATED' };
}
