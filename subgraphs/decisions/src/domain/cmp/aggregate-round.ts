import type { Ballot, RoundResult, Stakeholder } from './contracts.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * One round's result. A ballot counts with u = weight × confidence: a vote given with confidence c
 * is modelled as right with probability ½ + c(p − ½), whose log-odds are ≈ c · log(p/(1 − p)) to
 * first order, so confidence scales the Nitzan–Paroush weight. Support is the approving share of
 * Σu over APPROVE and REJECT; its 95% interval is Wilson's (1927) at Kish's effective number of
 * voters n_eff = (Σu)²/Σu² — the support the same stakeholders would give on a re-vote, treating
 * the ballots as a weighted sample. Ballots of non-stakeholders count for nothing; an agent's last
 * ballot in the list is its vote.
 */
export function aggregateRound(
  ballots: readonly Ballot[],
  stakeholders: readonly Stakeholder[],
  threshold: number,
): RoundResult {
  const index = new Map<string, number>();
  let total = 0;
  let squares = 0;
  stakeholders.forEach((s, i) => {
    index.set(s.agentId, i);
    total += s.weight;
    squares += s.weight * s.weight;
  });
  const counted = new Uint8Array(stakeholders.length);
  let voted = 0;
  let approve = 0;
  let reject = 0;
  let decisiveSquares = 0;
  for (let b = ballots.length - 1; b >= 0; b--) {
    const ballot = ballots[b];
    const i = ballot && index.get(ballot.agentId);
    if (!ballot || i === undefined || counted[i]) continue;
    counted[i] = 1;
    const weight = stakeholders[i]?.weight ?? 0;
    voted += weight;
    if (ballot.choice === 'ABSTAIN') continue;
    const confidence = Number.isFinite(ballot.confidence)
      ? Math.min(1, Math.max(0, ballot.confidence))
      : 0;
    const u = weight * confidence;
    if (ballot.choice === 'APPROVE') approve += u;
    else reject += u;
    decisiveSquares += u * u;
  }
  const decisive = approve + reject;
  const support = decisive > 0 ? approve / decisive : 0;
  const effectiveVoters = decisiveSquares > 0 ? (decisive * decisive) / decisiveSquares : 0;
  return {
    support,
    interval: wilsonInterval(support, effectiveVoters),
    margin: support - threshold,
    participation: total > 0 ? voted / total : 0,
    decisiveWeight: total > 0 ? decisive / total : 0,
    effectiveVoters,
    maxEffectiveVoters: squares > 0 ? (total * total) / squares : 0,
  };
}
