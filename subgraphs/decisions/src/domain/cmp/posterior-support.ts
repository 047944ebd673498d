import type { Outcome, Stakeholder } from './contracts.js';
import { z95 } from './wilson-interval.js';

/**
 * The evidence behind CMP's support (issue 4, "Result"; README "How CMP's support and its
 * interval are computed"). Support is the posterior probability that approving is right given the
 * round's ballots, by independent-voter Bayes (Nitzan & Paroush 1982; the E-step of Dawid & Skene
 * 1979) with a neutral prior:
 *
 *   L = Σ_j s_j · c_j · ℓ_j,   support = σ(L) = 1 / (1 + e^(−L))
 *
 * s_j = ±1 (approve/reject), c_j the vote's confidence, ℓ_j = r_j · log(p_j / (1 − p_j)) the
 * stakeholder's log-likelihood ratio (role relevance × the log-odds of its Dawid–Skene accuracy),
 * only ever lowered — never raised — by the weight cap and bias mitigation: ℓ_j ← min(ℓ_j, w_j·Σℓ).
 * p_j is estimated, so L is uncertain: with p_j ~ Beta(a, b), Var(logit p_j) = ψ₁(a) + ψ₁(b)
 * ≈ 1/a + 1/b = 1/(N p (1 − p)) for N = a + b outcomes behind the estimate, and the 95% interval
 * is σ(L ± z·√Σ c_j² Var ℓ_j) — a delta-method interval on the log-odds scale, mapped through σ.
 */
export interface VoterEvidence {
  /** Log-likelihood ratio one full-confidence vote of this stakeholder carries (≥ 0). */
  logOdds: number;
  variance: number;
}

/** The Beta(7, 3) prior of `defaultTrackRecordParams`: accuracy 0.7 over 10 outcomes. */
export const priorEvidence: VoterEvidence = {
  logOdds: Math.log(0.7 / 0.3),
  variance: 1 / (10 * 0.21),
};

/** ℓ and Var ℓ of an accuracy estimate resting on `outcomes` (prior pseudo-outcomes included). */
export function voterEvidence(
  accuracy: number,
  outcomes: number,
  relevance: number,
  floor: number,
): VoterEvidence {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, accuracy));
  const logOdds = p > 0.5 ? Math.max(floor, Math.log(p / (1 - p))) : floor;
  return {
    logOdds: relevance * logOdds,
    variance: (relevance * relevance) / (Math.max(1, outcomes) * p * (1 - p)),
  };
}

/**
 * Each stakeholder's evidence under its current (capped, mitigated) weight: the snapshotted ℓ_j
 * (the prior's when a stakeholder was stored without one), lowered to w_j·Σℓ where the cap or a
 * mitigation cut its share, its variance scaled alike. A person's vote keeps its own ℓ.
 */
export function weightedEvidence(stakeholders: readonly Stakeholder[]): VoterEvidence[] {
  const own = stakeholders.map((s) =>
    s.logOdds === undefined || !(s.logOdds >= 0)
      ? priorEvidence
      : { logOdds: s.logOdds, variance: Math.max(0, s.logOddsVariance ?? priorEvidence.variance) },
  );
  // People (executives) keep their own evidence: the cap shares out the agents' evidence only.
  const total = own.reduce((sum, e, j) => sum + (stakeholders[j]?.person ? 0 : e.logOdds), 0);
  return own.map((e, j) => {
    if (stakeholders[j]?.person) return e;
    const allowed = Math.max(0, (stakeholders[j]?.weight ?? 0) * total);
    if (!(allowed < e.logOdds)) return e;
    const scale = allowed / e.logOdds;
    return { logOdds: allowed, variance: e.variance * scale * scale };
  });
}

/** σ(L − z·sd … L + z·sd), widened by `slack` log-odds either way (votes still to come). */
export function posteriorInterval(
  logOdds: number,
  variance: number,
  slack = 0,
): { low: number; high: number } {
  const half = z95 * Math.sqrt(Math.max(0, variance)) + Math.max(0, slack);
  return { low: logistic(logOdds - half), high: logistic(logOdds + half) };
}

/**
 * E[σ(L)] for L ~ N(logOdds, variance): the probability that approving is right once the
 * uncertainty of the accuracies is averaged out, by the probit approximation
 * σ(μ / √(1 + πσ²/8)) (MacKay 1992, "The evidence framework applied to classification
 * networks"). It lies between σ(μ) and ½: uncertain evidence says less.
 */
export function expectedSupport(logOdds: number, variance: number): number {
  return logistic(logOdds / Math.sqrt(1 + (Math.PI * Math.max(0, variance)) / 8));
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** A person's recorded outcomes: decisive votes that matched them, and votes that did not. */
export interface PersonRecord {
  hits: number;
  misses: number;
}

/** A person's record from their decisive votes on proposals with an outcome, counted by pair. */
export function personRecordOf(
  counts: readonly { choice: Outcome; outcome: Outcome; votes: number }[],
): PersonRecord {
  const record: PersonRecord = { hits: 0, misses: 0 };
  for (const count of counts) {
    if (count.choice === count.outcome) record.hits += count.votes;
    else record.misses += count.votes;
  }
  return record;
}

/**
 * The evidence an executive's full-confidence vote carries: their accuracy as a Beta posterior,
 * a prior of `priorAccuracy` (`EXECUTIVE_VOTE_ACCURACY`, 0.8 by default) worth `priorOutcomes`
 * pseudo-outcomes, updated by how their past votes matched recorded outcomes, as agents' track
 * records are. With no record, at 0.8 a vote weighs about 1.6 agents at the default prior (0.7).
 */
export function executiveEvidence(
  priorAccuracy: number,
  record: PersonRecord = { hits: 0, misses: 0 },
  priorOutcomes = 10,
): VoterEvidence & { accuracy: number; outcomes: number } {
  const outcomes = priorOutcomes + record.hits + record.misses;
  const accuracy = (priorOutcomes * priorAccuracy + record.hits) / outcomes;
  return { ...voterEvidence(accuracy, outcomes, 1, 0), accuracy, outcomes };
}
