import type { Ballot, RoundResult, Stakeholder } from './contracts.js';
import {
  expectedSupport,
  logistic,
  posteriorInterval,
  weightedEvidence,
} from './posterior-support.js';

/**
 * One round's result. Support is the posterior probability that approving is right, σ(Σ s·c·ℓ),
 * with a 95% interval for the uncertainty of the voters' estimated accuracies
 * (`posterior-support.ts` holds the method and its sources). The weighted approving share
 * (Σ weight × confidence over APPROVE / over APPROVE and REJECT) is reported beside it as
 * `approvingShare`. Ballots of non-stakeholders count for nothing; an agent's last ballot in the
 * list is its vote; an abstention takes part but carries no evidence.
 */
export function aggregateRound(
  ballots: readonly Ballot[],
  stakeholders: readonly Stakeholder[],
  threshold: number,
): RoundResult {
  const evidence = weightedEvidence(stakeholders);
  const index = new Map<string, number>();
  const sums = { weight: 0, logOdds: 0, variance: 0 };
  stakeholders.forEach((s, i) => {
    index.set(s.agentId, i);
    sums.weight += s.weight;
    sums.logOdds += evidence[i]?.logOdds ?? 0;
    sums.variance += evidence[i]?.variance ?? 0;
  });
  const counted = new Uint8Array(stakeholders.length);
  const cast = {
    weight: 0,
    approve: 0,
    reject: 0,
    logOdds: 0,
    variance: 0,
    voted: 0,
    votedVar: 0,
    decisiveBallots: 0,
  };
  for (let b = ballots.length - 1; b >= 0; b--) {
    const ballot = ballots[b];
    const i = ballot && index.get(ballot.agentId);
    if (!ballot || i === undefined || counted[i]) continue;
    counted[i] = 1;
    const e = evidence[i] ?? { logOdds: 0, variance: 0 };
    cast.weight += stakeholders[i]?.weight ?? 0;
    cast.voted += e.logOdds;
    cast.votedVar += e.variance;
    if (ballot.choice === 'ABSTAIN') continue;
    const confidence = Number.isFinite(ballot.confidence)
      ? Math.min(1, Math.max(0, ballot.confidence))
      : 0;
    const u = (stakeholders[i]?.weight ?? 0) * confidence;
    const sign = ballot.choice === 'APPROVE' ? 1 : -1;
    if (confidence > 0) cast.decisiveBallots++;
    if (sign > 0) cast.approve += u;
    else cast.reject += u;
    cast.logOdds += sign * confidence * e.logOdds;
    cast.variance += confidence * confidence * e.variance;
  }
  const decisive = cast.approve + cast.reject;
  // An executive's ballot is decisive evidence though it carries no agent weight.
  const anyDecisive = cast.decisiveBallots > 0;
  const support = anyDecisive ? logistic(cast.logOdds) : 0.5;
  return {
    support,
    interval: anyDecisive ? posteriorInterval(cast.logOdds, cast.variance) : { low: 0, high: 1 },
    margin: support - threshold,
    participation: sums.weight > 0 ? cast.weight / sums.weight : 0,
    approvingShare: decisive > 0 ? cast.approve / decisive : 0,
    decisiveWeight: sums.weight > 0 ? decisive / sums.weight : 0,
    logOdds: cast.logOdds,
    logOddsVariance: cast.variance,
    expectedSupport: anyDecisive ? expectedSupport(cast.logOdds, cast.variance) : 0.5,
    unvoted: {
      logOdds: Math.max(0, sums.logOdds - cast.voted),
      variance: Math.max(0, sums.variance - cast.votedVar),
    },
    unanimous: { logOdds: sums.logOdds, variance: sums.variance },
  };
}
