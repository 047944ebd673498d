import { describe, expect, it } from 'vitest';
import { aggregateRound } from './aggregate-round.js';
import type { Ballot, Stakeholder, VoteChoice } from './contracts.js';
import { logistic } from './posterior-support.js';

/** n stakeholders of equal weight, each worth log-odds 1 with variance 0.1. */
const equal = (n: number, logOdds = 1, variance = 0.1): Stakeholder[] =>
  Array.from({ length: n }, (_, i) => ({
    agentId: `a${i}`,
    weight: 1 / n,
    why: '',
    logOdds,
    logOddsVariance: variance,
  }));
const ballot = (i: number, choice: VoteChoice, confidence = 1): Ballot => ({
  agentId: `a${i}`,
  choice,
  confidence,
  rationale: null,
});
const votes = (...choices: VoteChoice[]) => choices.map((c, i) => ballot(i, c));
const sixOfEight = votes(
  ...(['APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'APPROVE'] as const),
  'REJECT',
  'REJECT',
);

describe('aggregateRound', () => {
  type Key = 'support' | 'approvingShare' | 'participation' | 'logOdds' | 'decisiveWeight';
  const cases: [string, Ballot[], Partial<Record<Key, number>>][] = [
    [
      '6 of 8 approve: posterior σ(6 − 2)',
      sixOfEight,
      { support: logistic(4), approvingShare: 0.75, participation: 1, logOdds: 4 },
    ],
    [
      'abstentions take part but carry no evidence',
      votes('APPROVE', 'ABSTAIN', 'ABSTAIN', 'REJECT'),
      { support: 0.5, approvingShare: 0.5, participation: 0.5, decisiveWeight: 0.25 },
    ],
    [
      'confidence scales a vote’s evidence',
      [ballot(0, 'APPROVE', 1), ballot(1, 'REJECT', 0.5)],
      { support: logistic(0.5), approvingShare: 2 / 3, participation: 0.25 },
    ],
    [
      'a non-stakeholder counts for nothing',
      [ballot(0, 'APPROVE'), ballot(99, 'REJECT')],
      { support: logistic(1), participation: 0.125 },
    ],
    [
      'an agent’s last ballot is its vote',
      [ballot(0, 'APPROVE'), ballot(0, 'REJECT')],
      { support: logistic(-1), approvingShare: 0, participation: 0.125 },
    ],
    ['no ballots', [], { support: 0.5, participation: 0, logOdds: 0, decisiveWeight: 0 }],
  ];
  it.each(cases)('%s', (_name, ballots, expected) => {
    const result = aggregateRound(ballots, equal(8), 0.6);
    for (const [key, value] of Object.entries(expected)) {
      expect(result[key as Key]).toBeCloseTo(value, 12);
    }
    expect(result.margin).toBeCloseTo(result.support - 0.6, 12);
    expect(result.unanimous).toEqual({ logOdds: 8, variance: expect.closeTo(0.8, 12) });
  });

  it('gives the interval from the accuracies’ uncertainty: σ(L ± 1.96·√ΣVar)', () => {
    const { interval } = aggregateRound(sixOfEight, equal(8), 0.6);
    const half = 1.959963984540054 * Math.sqrt(0.8);
    expect(interval.low).toBeCloseTo(logistic(4 - half), 12);
    expect(interval.high).toBeCloseTo(logistic(4 + half), 12);
  });

  it('says nothing about support until someone decides', () => {
    expect(aggregateRound(votes('ABSTAIN'), equal(8), 0.6).interval).toEqual({ low: 0, high: 1 });
  });

  it('lets a small committee of proven voters decide, and keeps new voters uncertain', () => {
    const ballots = votes('APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'REJECT');
    // Accuracy 0.85 over 300 outcomes each, against agents without any record (prior only).
    const proven = aggregateRound(
      ballots,
      equal(6, Math.log(0.85 / 0.15), 1 / (300 * 0.1275)),
      0.6,
    );
    const unknown = aggregateRound(
      ballots,
      equal(6).map(({ logOdds: _, logOddsVariance: __, ...s }) => s),
      0.6,
    );
    expect(proven.interval.low).toBeGreaterThan(0.95);
    expect(unknown.interval.high - unknown.interval.low).toBeGreaterThan(
      proven.interval.high - proven.interval.low,
    );
  });

  it('never raises a voter’s evidence when others are down-weighted, only lowers capped ones', () => {
    const base = equal(4);
    const mitigated = base.map((s, i) => ({ ...s, weight: i === 0 ? 0.04 : 0.32 }));
    const all = votes('APPROVE', 'APPROVE', 'APPROVE', 'APPROVE');
    expect(aggregateRound(all, mitigated, 0.6).logOdds).toBeCloseTo(3 + 0.04 * 4, 12);
  });
});
