import { describe, expect, it } from 'vitest';
import { aggregateRound } from './aggregate-round.js';
import type { Ballot, Stakeholder, VoteChoice } from './contracts.js';
import { wilsonInterval } from './wilson-interval.js';

const equal = (n: number): Stakeholder[] =>
  Array.from({ length: n }, (_, i) => ({ agentId: `a${i}`, weight: 1 / n, why: '' }));
const ballot = (i: number, choice: VoteChoice, confidence = 1): Ballot => ({
  agentId: `a${i}`,
  choice,
  confidence,
  rationale: null,
});
const votes = (...choices: VoteChoice[]) => choices.map((c, i) => ballot(i, c));

describe('aggregateRound', () => {
  const cases: [
    string,
    Ballot[],
    Partial<Record<'support' | 'participation' | 'effectiveVoters' | 'decisiveWeight', number>>,
  ][] = [
    [
      '6 of 8 approve',
      votes('APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'REJECT', 'REJECT'),
      { support: 0.75, participation: 1, effectiveVoters: 8, decisiveWeight: 1 },
    ],
    [
      'abstentions take part but count for neither side',
      votes('APPROVE', 'ABSTAIN', 'ABSTAIN', 'REJECT'),
      { support: 0.5, participation: 0.5, effectiveVoters: 2, decisiveWeight: 0.25 },
    ],
    [
      'confidence scales a vote',
      [ballot(0, 'APPROVE', 1), ballot(1, 'REJECT', 0.5)],
      { support: 2 / 3, participation: 0.25, effectiveVoters: 1.8 },
    ],
    [
      'a non-stakeholder counts for nothing',
      [ballot(0, 'APPROVE'), ballot(99, 'REJECT')],
      { support: 1, participation: 0.125 },
    ],
    [
      'an agent’s last ballot is its vote',
      [ballot(0, 'APPROVE'), ballot(0, 'REJECT')],
      { support: 0, participation: 0.125 },
    ],
    ['no ballots', [], { support: 0, participation: 0, effectiveVoters: 0, decisiveWeight: 0 }],
  ];
  it.each(cases)('%s', (_name, ballots, expected) => {
    const result = aggregateRound(ballots, equal(8), 0.6);
    for (const [key, value] of Object.entries(expected)) {
      expect(result[key as keyof typeof expected]).toBeCloseTo(value, 12);
    }
    expect(result.margin).toBeCloseTo(result.support - 0.6, 12);
    expect(result.maxEffectiveVoters).toBeCloseTo(8, 12);
    expect(result.interval).toEqual(wilsonInterval(result.support, result.effectiveVoters ?? 0));
  });

  it('says nothing about support until someone decides', () => {
    expect(aggregateRound(votes('ABSTAIN'), equal(8), 0.6).interval).toEqual({ low: 0, high: 1 });
  });

  it('widens the interval when a few weights dominate', () => {
    const skewed: Stakeholder[] = equal(8).map((s, i) => ({ ...s, weight: i < 2 ? 0.35 : 0.05 }));
    const ballots = votes(
      'APPROVE',
      'APPROVE',
      'APPROVE',
      'APPROVE',
      'APPROVE',
      'APPROVE',
      'REJECT',
      'REJECT',
    );
    const even = aggregateRound(ballots, equal(8), 0.6);
    const uneven = aggregateRound(ballots, skewed, 0.6);
    expect(uneven.effectiveVoters).toBeLessThan(4);
    expect(uneven.interval.high - uneven.interval.low).toBeGreaterThan(
      even.interval.high - even.interval.low,
    );
  });
});
