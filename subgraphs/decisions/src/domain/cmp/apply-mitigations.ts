import type { BiasFinding, Stakeholder } from './contracts.js';
import { priorEvidence } from './posterior-support.js';
import { defaultStakeholderParams } from './stakeholders.js';
import { capWeights } from './weight-cap.js';

/**
 * Applies the DOWN_WEIGHT findings: each named agent's weight is multiplied by the finding's
 * factor (several findings multiply), then all weights are renormalised under the same cap. Its
 * evidence ℓ (and the variance of ℓ, by the factor squared) is multiplied by the same factor, so
 * a cluster counted as n_eff voters carries exactly n_eff voters' evidence in the posterior (the
 * renormalised weight alone would hand part of the cut back).
 * REVOTE and FLAG_FOR_PERSON are the lifecycle's to act on and change no weight.
 */
export function applyMitigations(
  stakeholders: readonly Stakeholder[],
  findings: readonly BiasFinding[],
  cap = defaultStakeholderParams.cap,
): Stakeholder[] {
  const factors = new Map<string, { factor: number; kinds: string[] }>();
  for (const finding of findings) {
    if (finding.mitigation !== 'DOWN_WEIGHT' || finding.weightFactor === undefined) continue;
    const factor = Math.min(1, Math.max(0, finding.weightFactor));
    for (const agentId of finding.agentIds) {
      const entry = factors.get(agentId) ?? { factor: 1, kinds: [] };
      entry.factor *= factor;
      entry.kinds.push(finding.kind);
      factors.set(agentId, entry);
    }
  }
  if (factors.size === 0) return [...stakeholders];
  const weights = capWeights(
    stakeholders.map((s) => s.weight * (factors.get(s.agentId)?.factor ?? 1)),
    cap,
  );
  return stakeholders.map((s, i) => {
    const weight = weights[i] ?? 0;
    const entry = factors.get(s.agentId);
    if (!entry) return { ...s, weight };
    const why = `${s.why}; ×${entry.factor.toFixed(2)} for ${entry.kinds.join(', ')} → ${(100 * weight).toFixed(1)}%`;
    const own =
      s.logOdds === undefined || !(s.logOdds >= 0)
        ? priorEvidence
        : { logOdds: s.logOdds, variance: s.logOddsVariance ?? priorEvidence.variance };
    return {
      ...s,
      weight,
      why,
      logOdds: own.logOdds * entry.factor,
      logOddsVariance: own.variance * entry.factor * entry.factor,
    };
  });
}
