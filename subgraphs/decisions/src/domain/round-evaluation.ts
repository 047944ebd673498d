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
  type ProposalKind,
  type StoppingRule,
  type Voter,
} from './cmp/index.js';
import type { BiasHistory } from './cmp/bias-history.js';

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
  /**
   * The stakeholders' recent past (complete ballots of closed proposals they voted on), or its
   * running summary (`recordProposal` per closed proposal: the CMP bench's fast path).
   */
  history: readonly PastBallot[] | BiasHistory;
  /** The stopping rule of the proposal's kind (`stoppingRuleFor`); default: CROSS_DEPARTMENT's. */
  stopping?: StoppingRule;
  /** The proposal's kind: the dependence check compares voters on past proposals of this kind. */
  kind?: ProposalKind;
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
   * ACCEPTED or REJECTED when the stopping rule settles (or the rounds ran out under DECIDE),
   * NEXT_ROUND when another round may still settle (or a finding asks for an independent
   * re-vote), ESCALATED when such a finding meets the last round, else NO_CONSENSUS.
   */
  decision: RoundDecision;
}

/**
 * Closes one round (issue 4, "Rounds" and "Bias detection"): detectBias over the proposal so far
 * and the voters' past → applyMitigations (down-weighting) → aggregateRound (support: the
 * posterior that approving is right, with its 95% interval) → decideRound (the sequential stopping
 * rule of the proposal's kind, nobody left to vote). A REVOTE finding turns a decision into another round while rounds
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
  const accuracies = new Map(
    input.stakeholders.flatMap((s) =>
      s.accuracy === undefined
        ? []
        : [[s.agentId, { accuracy: s.accuracy, evidence: s.accuracyEvidence ?? 0 }] as const],
    ),
  );
  const findings = settledCopies(
    detectBias({
      rounds: agentRounds,
      history: input.history,
      voters,
      accuracies,
      ...(input.kind ? { kind: input.kind } : {}),
    }),
  );
  const weights = applyMitigations(input.stakeholders, findings);
  const ballots = input.rounds[input.round - 1] ?? [];
  const result = aggregateRound(
    ballots,
    [...weights, ...executives.map((executive) => ({ ...executive, weight: 0, person: true }))],
    input.threshold,
  );
  const maxRounds = input.lastRound ? input.round : input.maxRounds;
  const decision: RoundDecision = decideRound(result, input.threshold, input.round, maxRounds, {
    rule: input.stopping,
  });
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

/**
 * A copied rationale asks for a re-vote because a copy says nothing about independent judgement.
 * When every agent of the copying group is already counted as part of one bloc or dependent
 * cluster (a DOWN_WEIGHT finding naming them all), its votes already weigh as few voters: a
 * re-vote would only ask them to copy again, and a bloc that copies every round would otherwise
 * send each proposal it sits on to a person. Such a finding is kept in the report, marked as
 * settled by that weighting.
 */
function settledCopies(findings: readonly BiasFinding[]): BiasFinding[] {
  const clusters = findings.filter(
    (f) => f.mitigation === 'DOWN_WEIGHT' && f.kind === 'BLOC_VOTING' && f.agentIds.length > 1,
  );
  return findings.map((finding) => {
    if (finding.mitigation !== 'REVOTE') return finding;
    const cluster = clusters.find((c) => finding.agentIds.every((id) => c.agentIds.includes(id)));
    if (!cluster) return finding;
    return {
      ...finding,
      mitigation: 'DOWN_WEIGHT',
      weightFactor: 1,
      evidence:
        `${finding.evidence} They are already counted as one bloc (${cluster.agentIds.length} ` +
        `agents, each at ×${(cluster.weightFactor ?? 1).toFixed(2)}): no re-vote needed.`,
    };
  });
}
