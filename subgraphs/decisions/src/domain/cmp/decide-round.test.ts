import { describe, expect, it } from 'vitest';
import type { RoundDecision, RoundResult } from './contracts.js';
import { decideRound, supportOf } from './decide-round.js';
import { logistic } from './posterior-support.js';

/** A result whose support is σ(L) with Var L = variance; everyone voted unless `unvoted` says. */
const result = (
  logOdds: number,
  variance: number,
  over: Partial<RoundResult> = {},
): RoundResult => {
  const half = 1.959963984540054 * Math.sqrt(variance);
  return {
    support: logistic(logOdds),
    interval: { low: logistic(logOdds - half), high: logistic(logOdds + half) },
    margin: 0,
    participation: 1,
    decisiveWeight: 1,
    logOdds,
    logOddsVariance: variance,
    unvoted: { logOdds: 0, variance: 0 },
    unanimous: { logOdds: 20, variance: 2 },
    ...over,
  };
};

describe('decideRound', () => {
  const rule = { maxError: 0.05, whenRoundsRunOut: 'NO_CONSENSUS' as const };
  // P = E[σ(L)] = σ(L/√(1 + πV/8)): with V = 0.5, L = 3.6 gives P ≈ 0.967; L = 2 gives 0.86.
  const cases: [string, RoundResult, number, boolean, RoundDecision][] = [
    ['approving is right with P ≥ 95%', result(3.6, 0.5), 1, false, 'ACCEPTED'],
    ['rejecting is right with P ≥ 95%', result(-3.6, 0.5), 1, false, 'REJECTED'],
    ['P = 0.86: wrong too often, another round', result(2, 0.5), 1, false, 'NEXT_ROUND'],
    ['P = 0.86 at the last round, no consensus', result(2, 0.5), 3, false, 'NO_CONSENSUS'],
    [
      'the same log-odds, less sure accuracies: another round',
      result(3.6, 4),
      1,
      false,
      'NEXT_ROUND',
    ],
    [
      'an early close while the rest could still sink it',
      result(4, 0.5, { unvoted: { logOdds: 2.5, variance: 0.2 } }),
      1,
      true,
      'NEXT_ROUND',
    ],
    [
      'an early close the rest cannot change',
      result(6, 0.5, { unvoted: { logOdds: 1, variance: 0.2 } }),
      1,
      true,
      'ACCEPTED',
    ],
    [
      'an early reject the rest cannot change',
      result(-6, 0.5, { unvoted: { logOdds: 1.5, variance: 0.2 } }),
      1,
      true,
      'REJECTED',
    ],
    ['an open round at its last round waits', result(2, 0.5), 3, true, 'NEXT_ROUND'],
    ['no decisive vote yet', result(0, 0, { decisiveWeight: 0 }), 1, false, 'NEXT_ROUND'],
    [
      'unanimity could settle either way: go on',
      result(0.8, 0.5, { unanimous: { logOdds: 5, variance: 1 } }),
      1,
      false,
      'NEXT_ROUND',
    ],
    [
      'a committee too uncertain to settle with 5% error either way',
      result(0.8, 0.5, { unanimous: { logOdds: 2.5, variance: 4 } }),
      1,
      false,
      'NO_CONSENSUS',
    ],
  ];
  it.each(cases)('%s', (_name, r, round, stillOpen, expected) => {
    expect(decideRound(r, 0.6, round, 3, { rule, stillOpen })).toBe(expected);
  });

  it('asks for more when the threshold is above 1 − ε', () => {
    // P ≈ 0.967 clears 1 − 0.05 but not a threshold of 0.98.
    expect(decideRound(result(3.6, 0.5), 0.98, 1, 3, { rule })).toBe('NEXT_ROUND');
  });

  it('a looser rule decides what a stricter one sends to another round', () => {
    const loose = { maxError: 0.2, whenRoundsRunOut: 'NO_CONSENSUS' as const };
    expect(decideRound(result(2, 0.5), 0.6, 1, 3, { rule: loose })).toBe('ACCEPTED');
    expect(decideRound(result(-2, 0.5), 0.6, 1, 3, { rule: loose })).toBe('REJECTED');
  });

  it('when rounds run out under DECIDE, takes the Bayes decision at the threshold', () => {
    const decide = { maxError: 0.05, whenRoundsRunOut: 'DECIDE' as const };
    expect(decideRound(result(0.6, 0.5), 0.6, 3, 3, { rule: decide })).toBe('ACCEPTED');
    // σ(0.3) ≈ 0.57 is below a threshold of 0.6: reject.
    expect(decideRound(result(0.3, 0.1), 0.6, 3, 3, { rule: decide })).toBe('REJECTED');
    expect(decideRound(result(0, 0, { decisiveWeight: 0 }), 0.6, 3, 3, { rule: decide })).toBe(
      'NO_CONSENSUS',
    );
    // Or before the last round, when no round could settle.
    const hopeless = result(0.8, 0.5, { unanimous: { logOdds: 2.5, variance: 4 } });
    expect(decideRound(hopeless, 0.6, 1, 3, { rule: decide })).toBe('ACCEPTED');
  });

  it('reads the error from E[σ(L)], not the point estimate', () => {
    expect(supportOf(result(3, 0))).toBeCloseTo(logistic(3), 12);
    expect(supportOf(result(3, 2))).toBeLessThan(logistic(3));
    expect(supportOf(result(3, 2))).toBeGreaterThan(0.5);
  });
});
