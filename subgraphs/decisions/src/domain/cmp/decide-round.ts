import type { RoundDecision, RoundResult } from './contracts.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * The sequential stopping rule. ACCEPTED when the 95% interval's low end reaches the threshold,
 * REJECTED when its high end stays below it, whatever the `remainingWeight` (stakeholder weight
 * that may still vote this round; 0 once the round closed) would do: the bounds become
 * low·d/(d + r) and (high·d + r)/(d + r) for decisive weight d and remaining weight r, so a round
 * may close early once the rest cannot matter. Otherwise NO_CONSENSUS after `maxRounds`, or when
 * no round could decide — even unanimity of every stakeholder at full confidence would leave the
 * interval across the threshold (Wilson at the stakeholders' n_eff); else NEXT_ROUND.
 */
export function decideRound(
  result: RoundResult,
  threshold: number,
  round: number,
  maxRounds: number,
  remainingWeight: number,
): RoundDecision {
  const decisive = result.decisiveWeight ?? result.participation;
  const remaining = Math.min(1, Math.max(0, remainingWeight));
  if (decisive > 0) {
    const share = decisive / (decisive + remaining);
    const low = result.interval.low * share;
    const high = result.interval.high * share + (1 - share);
    if (low >= threshold) return 'ACCEPTED';
    if (high < threshold) return 'REJECTED';
  }
  if (round >= maxRounds) return 'NO_CONSENSUS';
  const most = result.maxEffectiveVoters;
  if (most !== undefined && !canDecide(most, threshold)) return 'NO_CONSENSUS';
  return 'NEXT_ROUND';
}

/** Whether a unanimous round of `effectiveVoters` could clear `threshold` either way. */
function canDecide(effectiveVoters: number, threshold: number): boolean {
  return (
    wilsonInterval(1, effectiveVoters).low >= threshold ||
    wilsonInterval(0, effectiveVoters).high < threshold
  );
}
