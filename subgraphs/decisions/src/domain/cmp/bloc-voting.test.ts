import { describe, expect, it } from 'vitest';
import { emptyCounts, type BiasHistory } from './bias-history.js';
import { defaultBiasParams } from './bias-params.js';
import { detectBlocVoting } from './bloc-voting.js';
import type { Voter } from './contracts.js';

const voters: Voter[] = ['a', 'b', 'c', 'd'].map((agentId, i) => ({
  agentId,
  role: 'R',
  departmentId: i < 3 ? 'sales' : 'legal',
}));
const history = (splits: Record<string, [number, number]>): BiasHistory => ({
  agents: new Map(
    Object.entries(splits).map(([id, [withDepartment, withOthers]]) => [
      id,
      { ...emptyCounts(), withDepartment, withOthers },
    ]),
  ),
  blindVotes: 0,
  blindApprovals: 0,
  pairs: new Map(),
});

describe('detectBlocVoting', () => {
  const cases: [string, Record<string, [number, number]>, string[][]][] = [
    [
      'three members side with sales every time',
      { a: [20, 0], b: [20, 0], c: [19, 1] },
      [['a', 'b', 'c']],
    ],
    ['two of them do: a bloc of two', { a: [20, 0], b: [20, 0], c: [5, 15] }, [['a', 'b']]],
    ['one alone is no bloc', { a: [20, 0], d: [20, 0] }, []],
    ['siding with the rest is the independent pattern', { a: [3, 17], b: [4, 16], c: [2, 18] }, []],
    ['too few split votes to tell', { a: [8, 0], b: [8, 0] }, []],
  ];
  it.each(cases)('%s', (_name, splits, expected) => {
    const findings = detectBlocVoting(history(splits), voters, defaultBiasParams);
    expect(findings.map((f) => f.agentIds)).toEqual(expected);
  });

  it('makes a bloc count as one voter', () => {
    const [finding] = detectBlocVoting(
      history({ a: [20, 0], b: [20, 0], c: [20, 0] }),
      voters,
      defaultBiasParams,
    );
    expect(finding?.weightFactor).toBeCloseTo(1 / 3, 12);
    expect(finding?.evidence).toMatch(
      /^3 members of department sales sided with their department against the rest in 60 of 60/,
    );
  });
});
