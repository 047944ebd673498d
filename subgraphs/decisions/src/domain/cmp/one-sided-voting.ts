import { binomialUpperTail } from './binomial-test.js';
import type { BiasHistory } from './bias-history.js';
import type { BiasParams } from './bias-params.js';
import type { BiasFinding } from './contracts.js';
import { percent, pValue } from './evidence-text.js';

/**
 * Voters whose votes ignore the merits: at least `oneSidedShare` of their blind votes one way over
 * at least `oneSidedMinVotes`, and an exact one-sided binomial test against the pooled approve
 * rate of all voters (Laplace-smoothed) significant at alpha / voters.
 */
export function detectOneSidedVoting(
  history: BiasHistory,
  agentIds: readonly string[],
  params: BiasParams,
): BiasFinding[] {
  const base = (history.blindApprovals + 1) / (history.blindVotes + 2);
  const cutoff = params.alpha / Math.max(1, agentIds.length);
  const findings: BiasFinding[] = [];
  for (const agentId of agentIds) {
    const c = history.agents.get(agentId);
    if (!c || c.blindVotes < params.oneSidedMinVotes) continue;
    const approves = c.blindApprovals >= c.blindVotes - c.blindApprovals;
    const k = approves ? c.blindApprovals : c.blindVotes - c.blindApprovals;
    if (k / c.blindVotes < params.oneSidedShare) continue;
    const p = binomialUpperTail(k, c.blindVotes, approves ? base : 1 - base);
    if (p >= cutoff) continue;
    const against = approves
      ? `, ${c.approvedRejected} of them on proposals whose recorded outcome was REJECT`
      : `, ${c.rejectedApproved} of them on proposals whose recorded outcome was APPROVE`;
    findings.push({
      kind: approves ? 'ALWAYS_APPROVE' : 'ALWAYS_REJECT',
      agentIds: [agentId],
      evidence:
        `${approves ? 'Approved' : 'Rejected'} ${k} of ${c.blindVotes} blind votes ` +
        `(${percent(k / c.blindVotes)}; cut-off ≥ ${percent(params.oneSidedShare)} over ≥ ${params.oneSidedMinVotes})${c.votesWithOutcome > 0 ? against : ''}; ` +
        `exact binomial test against the pooled ${approves ? 'approve' : 'reject'} rate ${percent(approves ? base : 1 - base)}: ` +
        `${pValue(p, cutoff)}.`,
      mitigation: 'DOWN_WEIGHT',
      weightFactor: params.oneSidedWeightFactor,
    });
  }
  return findings;
}
