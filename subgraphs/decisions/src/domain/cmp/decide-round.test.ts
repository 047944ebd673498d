import { describe, expect, it } from 'vitest';
import type { RoundDecision, RoundResult } from './contracts.js';
import { decideRound } from './decide-round.js';
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
  const cases: [string, RoundResult, number, boolean, RoundDecision][] = [
    ['the interval clears the threshold', result(3, 0.5), 1, false, 'ACCEPTED'],
    ['the interval stays below the threshold', result(-2, 0.5), 1, false, 'REJECTED'],
    ['the interval straddles it: another round', result(0.8, 0.5), 1, false, 'NEXT_ROUND'],
    ['straddling at the last round', result(0.8, 0.5), 3, false, 'NO_CONSENSUS'],
    [
      'an early close while the rest could still sink it',
      result(3, 0.5, { unvoted: { logOdds: 2.5, variance: 0.2 } }),
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
      result(-5, 0.5, { unvoted: { logOdds: 1.5, variance: 0.2 } }),
      1,
      true,
      'REJECTED',
    ],
    ['no decisive vote yet', result(0, 0, { decisiveWeight: 0 }), 1, false, 'NEXT_ROUND'],
    [
      'unanimity could clear 0.6 either way: go on',
      result(0.8, 0.5, { unanimous: { logOdds: 4, variance: 1 } }),
      1,
      false,
      'NEXT_ROUND',
    ],
    [
      'a committee too uncertain for this threshold either way',
      result(0.8, 0.5, { unanimous: { logOdds: 0.5, variance: 4 } }),
      1,
      false,
      'NO_CONSENSUS',
    ],
  ];
  it.each(cases)('%s', (_name, r, round, stillOpen, expected) => {
    expect(decideRound(r, 0.6, round, 3, stillOpen)).toBe(expected);
  });
});
