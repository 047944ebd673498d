import { describe, expect, it } from 'vitest';
import type { RoundDecision, RoundResult } from './contracts.js';
import { decideRound } from './decide-round.js';

const result = (low: number, high: number, over: Partial<RoundResult> = {}): RoundResult => ({
  support: (low + high) / 2,
  interval: { low, high },
  margin: 0,
  participation: 1,
  decisiveWeight: 1,
  maxEffectiveVoters: 64,
  ...over,
});

describe('decideRound', () => {
  const cases: [string, RoundResult, number, number, RoundDecision][] = [
    ['the interval clears the threshold', result(0.62, 0.8), 1, 0, 'ACCEPTED'],
    ['the low end exactly at the threshold', result(0.6, 0.8), 1, 0, 'ACCEPTED'],
    ['the interval stays below the threshold', result(0.3, 0.59), 1, 0, 'REJECTED'],
    ['the interval straddles it: another round', result(0.5, 0.7), 1, 0, 'NEXT_ROUND'],
    ['straddling at the last round', result(0.5, 0.7), 3, 0, 'NO_CONSENSUS'],
    [
      'an early close while the rest could still sink it',
      result(0.62, 0.8, { decisiveWeight: 0.7 }),
      1,
      0.3,
      'NEXT_ROUND',
    ],
    [
      'an early close the rest cannot change',
      result(0.9, 0.97, { decisiveWeight: 0.8 }),
      1,
      0.2,
      'ACCEPTED',
    ],
    [
      'an early reject the rest cannot change',
      result(0.05, 0.2, { decisiveWeight: 0.6 }),
      1,
      0.3,
      'REJECTED',
    ],
    ['no decisive vote yet', result(0, 1, { decisiveWeight: 0 }), 1, 0, 'NEXT_ROUND'],
    [
      'four voters cannot clear 0.6 by approving, but could by rejecting: go on',
      result(0.4, 0.9, { maxEffectiveVoters: 4 }),
      1,
      0,
      'NEXT_ROUND',
    ],
    [
      'a committee too small for this threshold either way',
      result(0.4, 0.9, { maxEffectiveVoters: 2 }),
      1,
      0,
      'NO_CONSENSUS',
    ],
  ];
  it.each(cases)('%s', (_name, r, round, remaining, expected) => {
    expect(decideRound(r, 0.6, round, 3, remaining)).toBe(expected);
  });
});
