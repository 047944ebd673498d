import type {
  KindHistory,
  Outcome,
  ProposalFeatures,
  Threshold,
  ThresholdTerm,
} from './contracts.js';

/**
 * The adaptive threshold (issue 4, "Adaptive threshold"): a linear score, clamped.
 *
 *   value = clamp(base + risk·wRisk + impact·wImpact − urgency·wUrgency
 *                 + wRegret·(r̂ − r₀), min, max)
 *   r̂ = (regretted + α) / (decided + α + β), r₀ = α / (α + β)
 *
 * r̂ is the kind's regret rate smoothed by a Beta(α, β) prior (the posterior mean of a
 * beta-binomial model, Gelman et al., "Bayesian Data Analysis", §2.4), so a kind without history
 * adds nothing and a kind that was often regretted asks for more support.
 */
export interface ThresholdParams {
  base: number;
  riskWeight: number;
  impactWeight: number;
  urgencyWeight: number;
  regretWeight: number;
  /** Beta prior of the regret rate: α regretted in α + β imagined decisions. */
  regretPrior: { alpha: number; beta: number };
  /** A threshold never drops to a bare majority nor demands unanimity. */
  min: number;
  max: number;
}

export const defaultThresholdParams: ThresholdParams = {
  base: 0.55,
  riskWeight: 0.2,
  impactWeight: 0.1,
  urgencyWeight: 0.08,
  regretWeight: 0.5,
  // A prior regret rate of 10%, worth 10 decisions.
  regretPrior: { alpha: 1, beta: 9 },
  min: 0.51,
  max: 0.95,
};

/** A decision a proposal closed with: the statuses whose recorded outcome can regret them. */
export const decidedStatuses = ['ACCEPTED', 'REJECTED'] as const;
export type DecidedStatus = (typeof decidedStatuses)[number];

/** A decision is regretted when its recorded outcome says the other choice was right. */
export function isRegretted(status: DecidedStatus, outcome: Outcome): boolean {
  return status === 'ACCEPTED' ? outcome === 'REJECT' : outcome === 'APPROVE';
}

/** A kind's history from its decided proposals with an outcome, counted by (status, outcome). */
export function kindHistoryOf(
  counts: readonly { status: DecidedStatus; outcome: Outcome; proposals: number }[],
): KindHistory {
  let decided = 0;
  let regretted = 0;
  for (const count of counts) {
    decided += count.proposals;
    if (isRegretted(count.status, count.outcome)) regretted += count.proposals;
  }
  return { decided, regretted };
}

/** The required weighted support for a proposal; its terms sum to `value`. */
export function computeThreshold(
  features: ProposalFeatures,
  history: KindHistory,
  params: Partial<ThresholdParams> = {},
): Threshold {
  const p = { ...defaultThresholdParams, ...params };
  const { alpha, beta } = p.regretPrior;
  const decided = Math.max(0, history.decided);
  const regretted = Math.min(decided, Math.max(0, history.regretted));
  const regretRate = (regretted + alpha) / (decided + alpha + beta);
  const terms: ThresholdTerm[] = [
    { name: 'base', value: p.base, contribution: p.base },
    term('risk', unit(features.risk), p.riskWeight),
    term('stakeholder impact', unit(features.stakeholderImpact), p.impactWeight),
    term('urgency', unit(features.urgency), -p.urgencyWeight),
    {
      name: 'regret rate',
      value: regretRate,
      contribution: p.regretWeight * (regretRate - alpha / (alpha + beta)),
    },
  ];
  const raw = terms.reduce((sum, t) => sum + t.contribution, 0);
  const value = Math.min(p.max, Math.max(p.min, raw));
  if (value !== raw) terms.push({ name: 'clamp', value: raw, contribution: value - raw });
  const sentences = terms.map((t) => describe(t, features.kind, decided, regretted));
  sentences.push(`required support ${value.toFixed(2)}.`);
  return { value, terms, explanation: sentences.join(' ') };
}

function term(name: string, value: number, weight: number): ThresholdTerm {
  return { name, value, contribution: value * weight };
}

function unit(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function describe(t: ThresholdTerm, kind: string, decided: number, regretted: number): string {
  const amount = Math.abs(t.contribution).toFixed(3);
  const verb = t.contribution < 0 ? 'takes' : 'adds';
  switch (t.name) {
    case 'base':
      return `Base ${t.value.toFixed(2)}.`;
    case 'regret rate':
      return `${kind} decisions regretted ${regretted} of ${decided} (smoothed rate ${t.value.toFixed(2)}) ${verb} ${amount}.`;
    case 'clamp':
      return `Clamped from ${t.value.toFixed(3)}.`;
    default:
      return `${t.name[0]?.toUpperCase()}${t.name.slice(1)} ${t.value.toFixed(2)} ${verb} ${amount}.`;
  }
}
