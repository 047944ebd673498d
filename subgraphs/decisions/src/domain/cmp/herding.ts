import { binomialUpperTail } from './binomial-test.js';
import type { BiasHistory } from './bias-history.js';
import type { BiasParams } from './bias-params.js';
import type { BiasFinding } from './contracts.js';
import { percent, pValue } from './evidence-text.js';

/**
 * Herding, by McNemar's test (McNemar 1947, exact form): of a voter's vote changes between rounds,
 * those toward the majority the others showed (b) and those away from it (c). A voter whose
 * judgement does not depend on the shown majority changes either way alike (b ~ Binomial(b + c, ½)
 * — its own history of changes is the baseline); a herder's changes pile up toward the majority.
 * Flagged when b/(b + c) ≥ `herdingShare` over ≥ `herdingMinChanges` changes and P(X ≥ b) is
 * below alpha / voters.
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
    if (!c) continue;
    const changes = c.towardMajority + c.awayFromMajority;
    if (changes < params.herdingMinChanges) continue;
    if (c.towardMajority / changes < params.herdingShare) continue;
    const p = binomialUpperTail(c.towardMajority, changes, 0.5);
    if (p >= cutoff) continue;
    findings.push({
      kind: 'HERDING',
      agentIds: [agentId],
      evidence:
        `Changed its vote toward the previous round's majority ${c.towardMajority} times and away ` +
        `from it ${c.awayFromMajority} times (${percent(c.towardMajority / changes)} toward; cut-off ≥ ` +
        `${percent(params.herdingShare)} over ≥ ${params.herdingMinChanges} changes); exact McNemar ` +
        `test: ${pValue(p, cutoff)}.`,
      mitigation: 'DOWN_WEIGHT',
      weightFactor: params.herdingWeightFactor,
    });
  }
  return findings;
}
