import { binomialUpperTail } from './binomial-test.js';
import type { BiasHistory } from './bias-history.js';
import type { BiasParams } from './bias-params.js';
import type { BiasFinding } from './contracts.js';
import { percent, pValue } from './evidence-text.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * Herding: joining the shown majority more often than the voter's own judgement explains. Of the
 * k times a voter entered a later round in the minority of the others' previous majority, it
 * joined that majority k₊ times. A voter that judges each round on the merits sides with the
 * others' majority at its own blind-round rate a (its history of blind votes against the others'
 * blind majority) — high for an accurate voter with an accurate panel, so siding with a correct
 * majority is no evidence. Flagged when k₊/k ≥ `herdingShare`, k ≥ `herdingMinChanges`, and the
 * exact one-sided binomial test P(X ≥ k₊), X ~ Binomial(k, a⁺), is below alpha / voters, where
 * a⁺ is the upper end of the 95% Wilson interval (Wilson 1927) of a: a voter with a short blind
 * history gets the benefit of the doubt.
 */
export function detectHerding(
  history: BiasHistory,
  agentIds: readonly string[],
  voters: number,
  params: BiasParams,
): BiasFinding[] {
  const cutoff = params.alpha / Math.max(1, voters);
  const findings: BiasFinding[] = [];
  for (const agentId of agentIds) {
    const c = history.agents.get(agentId);
    if (!c || c.minorityRounds < params.herdingMinChanges) continue;
    const joined = c.joinedMajority / c.minorityRounds;
    if (joined < params.herdingShare) continue;
    const chances = c.blindMajorityChances;
    const baseline = chances > 0 ? c.blindWithMajority / chances : 0.5;
    const upper = chances > 0 ? wilsonInterval(baseline, chances).high : 1;
    const p = binomialUpperTail(c.joinedMajority, c.minorityRounds, upper);
    if (p >= cutoff) continue;
    findings.push({
      kind: 'HERDING',
      agentIds: [agentId],
      evidence:
        `Joined the previous round's majority in ${c.joinedMajority} of the ${c.minorityRounds} ` +
        `later rounds it entered in the minority (${percent(joined)}; cut-off ≥ ` +
        `${percent(params.herdingShare)} over ≥ ${params.herdingMinChanges}), against its own ` +
        `blind-round agreement with the others' majority of ${percent(baseline)} over ${chances} ` +
        `votes (95% upper bound ${percent(upper)}); exact binomial test: ${pValue(p, cutoff)}.`,
      mitigation: 'DOWN_WEIGHT',
      weightFactor: params.herdingWeightFactor,
    });
  }
  return findings;
}
