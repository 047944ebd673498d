import type { RoundDecision, RoundResult } from './contracts.js';
import { expectedSupport } from './posterior-support.js';
import { defaultStoppingRules, type StoppingRule } from './stopping-rule.js';

export interface DecideOptions {
  /** The stopping rule of the proposal's kind (`stopping-rule.ts`); default: CROSS_DEPARTMENT's. */
  rule?: StoppingRule;
  /**
   * The round is still open: the stakeholders yet to vote may still move the posterior by up to
   * their Σℓ either way (and add their variance), so the round decides early only once the rest
   * cannot matter; else NEXT_ROUND (go on waiting), never the rounds-run-out default.
   */
  stillOpen?: boolean;
}

/**
 * The sequential stopping rule (`stopping-rule.ts` states its error and expected rounds). With
 * P = E[σ(L)], the probability that approving is right averaged over the accuracies' uncertainty:
 * ACCEPTED when P ≥ threshold and 1 − P ≤ ε, REJECTED when P < threshold and P ≤ ε. Otherwise,
 * when the rounds run out — `maxRounds` reached, or no round could settle because even every
 * stakeholder voting alike at full confidence would leave the error above ε — the rule's
 * `whenRoundsRunOut`: DECIDE (the Bayes decision at the threshold) or NO_CONSENSUS; else
 * NEXT_ROUND.
 */
export function decideRound(
  result: RoundResult,
  threshold: number,
  round: number,
  maxRounds: number,
  options: DecideOptions = {},
): RoundDecision {
  const rule = options.rule ?? defaultStoppingRules.CROSS_DEPARTMENT;
  const decisive = (result.decisiveWeight ?? result.participation) > 0;
  if (decisive) {
    const { low, high } = bounds(result, Boolean(options.stillOpen));
    if (low >= threshold && 1 - low <= rule.maxError) return 'ACCEPTED';
    if (high < threshold && high <= rule.maxError) return 'REJECTED';
  }
  if (options.stillOpen) return 'NEXT_ROUND';
  const hopeless = result.unanimous && !canSettle(result.unanimous, threshold, rule.maxError);
  if (round < maxRounds && !hopeless) return 'NEXT_ROUND';
  if (rule.whenRoundsRunOut === 'NO_CONSENSUS' || !decisive) return 'NO_CONSENSUS';
  return supportOf(result) >= threshold ? 'ACCEPTED' : 'REJECTED';
}

/** P = E[σ(L)], or the stored support when the result has no log-odds (before issue 4's math). */
export function supportOf(result: RoundResult): number {
  if (result.logOdds === undefined) return result.support;
  return expectedSupport(result.logOdds, result.logOddsVariance ?? 0);
}

/** P at the worst and best the votes still to come could make it (both P when none can). */
function bounds(result: RoundResult, stillOpen: boolean): { low: number; high: number } {
  const rest = stillOpen ? result.unvoted : undefined;
  if (result.logOdds === undefined || !rest) {
    const support = supportOf(result);
    return { low: support, high: support };
  }
  const variance = (result.logOddsVariance ?? 0) + rest.variance;
  return {
    low: expectedSupport(result.logOdds - rest.logOdds, variance),
    high: expectedSupport(result.logOdds + rest.logOdds, variance),
  };
}

/** Whether a unanimous round of every stakeholder could settle either way with error ≤ ε. */
function canSettle(all: { logOdds: number; variance: number }, threshold: number, error: number) {
  const best = expectedSupport(all.logOdds, all.variance);
  const worst = expectedSupport(-all.logOdds, all.variance);
  return (best >= threshold && 1 - best <= error) || (worst < threshold && worst <= error);
}
