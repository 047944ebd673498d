import type { RoundDecision, RoundResult } from './contracts.js';
import { posteriorInterval } from './posterior-support.js';

/**
 * The sequential stopping rule. ACCEPTED when the 95% interval of support (the posterior that
 * approving is right, `aggregateRound`) has its low end at or above the threshold, REJECTED when
 * its high end stays below it. While the round is `stillOpen`, the stakeholders yet to vote may
 * still move the posterior by up to their Σℓ either way (and add their variance), so the interval
 * is widened by that first: a round may close early once the rest cannot matter. Otherwise
 * NO_CONSENSUS after `maxRounds`, or when no round could decide — even unanimity of every
 * stakeholder at full confidence would leave the interval across the threshold; else NEXT_ROUND.
 */
export function decideRound(
  result: RoundResult,
  threshold: number,
  round: number,
  maxRounds: number,
  stillOpen = false,
): RoundDecision {
  if ((result.decisiveWeight ?? result.participation) > 0) {
    const { low, high } = bounds(result, stillOpen);
    if (low >= threshold) return 'ACCEPTED';
    if (high < threshold) return 'REJECTED';
  }
  if (round >= maxRounds) return 'NO_CONSENSUS';
  if (result.unanimous && !canDecide(result.unanimous, threshold)) return 'NO_CONSENSUS';
  return 'NEXT_ROUND';
}

function bounds(result: RoundResult, stillOpen: boolean): { low: number; high: number } {
  const rest = stillOpen ? result.unvoted : undefined;
  if (result.logOdds === undefined || !rest) return result.interval;
  return posteriorInterval(
    result.logOdds,
    (result.logOddsVariance ?? 0) + rest.variance,
    rest.logOdds,
  );
}

/** Whether a unanimous round of every stakeholder could clear `threshold` either way. */
function canDecide(all: { logOdds: number; variance: number }, threshold: number): boolean {
  return (
    posteriorInterval(all.logOdds, all.variance).low >= threshold ||
    posteriorInterval(-all.logOdds, all.variance).high < threshold
  );
}
