import { AgentRole } from '@daena/contracts/graphql/agents';
import type {
  AccuracyEstimate,
  ProposalFeatures,
  Stakeholder,
  TrackRecord,
  Voter,
} from './contracts.js';
import {
  defaultNeighbourBorderRelevance,
  defaultRoleRelevance,
  kindRoles,
  type RoleRelevance,
} from './role-relevance.js';
import { voterEvidence } from './posterior-support.js';
import { accuracyFor, defaultTrackRecordParams, priorAccuracy } from './track-records.js';
import { capWeights } from './weight-cap.js';

/**
 * Stakeholder weights: role relevance × log-odds of the track record, w = r · log(p / (1 − p)),
 * p the record's accuracy on the proposal's kind where it has one (`accuracyFor`),
 * the optimal weights of independent voters (Nitzan & Paroush 1982). p is the Beta-shrunk
 * estimate of `estimateTrackRecords`, so a thin record sits near the prior; p ≤ ½ (no better than
 * a coin) gets the floor `minLogOdds` instead of a negative weight. Weights are then normalised
 * and capped by water-filling (`capWeights`). Each stakeholder also carries the uncapped evidence
 * r · log-odds and its variance, from which `aggregateRound` computes the posterior support.
 */
export interface StakeholderParams {
  roleRelevance: RoleRelevance;
  /** Relevance of a Border Agent of a cell next to an affected department. */
  neighbourBorderRelevance: number;
  /** No stakeholder above this share of the vote, unless fewer than 1/cap vote. */
  cap: number;
  /** Accuracy of an agent without a track record. */
  priorAccuracy: number;
  /** Pseudo-outcomes of the track-record prior (α + β): the least evidence behind an accuracy. */
  priorOutcomes: number;
  minLogOdds: number;
  /** Accuracies are clamped here first: one perfect record must not weigh infinitely. */
  maxAccuracy: number;
}

export const defaultStakeholderParams: StakeholderParams = {
  roleRelevance: defaultRoleRelevance,
  neighbourBorderRelevance: defaultNeighbourBorderRelevance,
  cap: 0.2,
  priorAccuracy: priorAccuracy(),
  priorOutcomes: defaultTrackRecordParams.prior.alpha + defaultTrackRecordParams.prior.beta,
  minLogOdds: 0.01,
  maxAccuracy: 0.99,
};

export interface SelectStakeholdersInput {
  features: ProposalFeatures;
  /** Every active agent. */
  voters: readonly Voter[];
  /** Department id → ids of the departments in the neighbouring cells. */
  neighbors: Readonly<Record<string, readonly string[]>>;
  trackRecords: readonly TrackRecord[];
  params?: Partial<StakeholderParams>;
}

/** Who votes on a proposal and with what weight; empty when no one qualifies (never throws). */
export function selectStakeholders(input: SelectStakeholdersInput): Stakeholder[] {
  const p = { ...defaultStakeholderParams, ...input.params };
  const { kind, departmentIds } = input.features;
  const affected = new Set(departmentIds);
  const neighbouring = new Set<string>();
  for (const id of departmentIds) {
    for (const next of input.neighbors[id] ?? []) if (!affected.has(next)) neighbouring.add(next);
  }
  const records = new Map(input.trackRecords.map((r) => [r.agentId, r]));
  const relevance = p.roleRelevance[kind] ?? {};
  const chosen: {
    voter: Voter;
    relevance: number;
    reason: string;
    /** The accuracy for this kind (the overall one where the record has none for it). */
    record?: AccuracyEstimate;
  }[] = [];
  const seen = new Set<string>();
  for (const voter of input.voters) {
    if (seen.has(voter.agentId)) continue;
    let r = 0;
    let reason = '';
    if (affected.has(voter.departmentId)) {
      r = relevance[voter.role] ?? 0;
      reason =
        voter.role === kindRoles[kind]
          ? `the role ${kind} decisions name, in affected department ${voter.departmentId}`
          : `${voter.role} of affected department ${voter.departmentId}`;
    } else if (neighbouring.has(voter.departmentId) && voter.role === AgentRole.BORDER_AGENT) {
      r = p.neighbourBorderRelevance;
      reason = `Border Agent of neighbouring cell ${voter.departmentId}`;
    }
    if (!(r > 0)) continue;
    seen.add(voter.agentId);
    const record = records.get(voter.agentId);
    chosen.push({
      voter,
      relevance: r,
      reason,
      record: record && accuracyFor(record, kind),
    });
  }
  const logOdds = chosen.map(({ record }) => trackLogOdds(record?.accuracy ?? p.priorAccuracy, p));
  const weights = capWeights(
    chosen.map((c, i) => c.relevance * (logOdds[i] ?? 0)),
    p.cap,
  );
  const limit = Math.max(p.cap, 1 / Math.max(1, chosen.length));
  return chosen.map((c, i) => {
    const weight = weights[i] ?? 0;
    const track = c.record
      ? `track record ${c.record.accuracy.toFixed(2)} over ${c.record.evidence.toFixed(0)} outcomes`
      : `no track record yet (prior ${p.priorAccuracy.toFixed(2)})`;
    const capped = weight >= limit - 1e-12 ? `, capped at ${(100 * limit).toFixed(0)}%` : '';
    const accuracy = Math.min(p.maxAccuracy, c.record?.accuracy ?? p.priorAccuracy);
    const outcomes = p.priorOutcomes + (c.record?.evidence ?? 0);
    const evidence = voterEvidence(accuracy, outcomes, c.relevance, p.minLogOdds);
    return {
      agentId: c.voter.agentId,
      weight,
      logOdds: evidence.logOdds,
      logOddsVariance: evidence.variance,
      // The kind's record: the dependence check compares agreement on proposals of this kind.
      accuracy: c.record?.accuracy ?? p.priorAccuracy,
      accuracyEvidence: p.priorOutcomes + (c.record?.evidence ?? 0),
      why: `${c.reason} (relevance ${c.relevance.toFixed(2)}); ${track} → log-odds ${(logOdds[i] ?? 0).toFixed(2)}; weight ${(100 * weight).toFixed(1)}%${capped}`,
    };
  });
}

function trackLogOdds(accuracy: number, p: StakeholderParams): number {
  const a = Math.min(p.maxAccuracy, accuracy);
  return a > 0.5 ? Math.max(p.minLogOdds, Math.log(a / (1 - a))) : p.minLogOdds;
}
