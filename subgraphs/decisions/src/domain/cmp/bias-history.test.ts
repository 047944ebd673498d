import { describe, expect, it } from 'vitest';
import {
  emptyBiasHistory,
  pairCounts,
  recordProposal,
  summarizeBiasHistory,
} from './bias-history.js';
import type { Ballot, PastBallot, VoteChoice, Voter } from './contracts.js';

const voters: Voter[] = [
  { agentId: 'a', role: 'R', departmentId: 'd1' },
  { agentId: 'b', role: 'R', departmentId: 'd1' },
  { agentId: 'c', role: 'R', departmentId: 'd2' },
  { agentId: 'd', role: 'R', departmentId: 'd2' },
  { agentId: 'e', role: 'R', departmentId: 'd2' },
];
const departmentOf = new Map(voters.map((v) => [v.agentId, v.departmentId]));
const round = (choices: Record<string, VoteChoice>): Ballot[] =>
  Object.entries(choices).map(([agentId, choice]) => ({
    agentId,
    choice,
    confidence: 1,
    rationale: null,
  }));
// d1 (a, b) approves; d2 leans to reject (c, d) with e approving.
const blind = round({ a: 'APPROVE', b: 'APPROVE', c: 'REJECT', d: 'REJECT', e: 'APPROVE' });
// In round 2, d moves to the approving majority it saw; c stays.
const second = round({ a: 'APPROVE', b: 'APPROVE', c: 'REJECT', d: 'APPROVE', e: 'APPROVE' });

describe('recordProposal', () => {
  const history = emptyBiasHistory();
  recordProposal(history, [blind, second], departmentOf, 'REJECT');
  const counts = (id: string) => history.agents.get(id);

  const cases: [string, string, Record<string, number>][] = [
    [
      'an approval against the outcome',
      'a',
      { blindVotes: 1, blindApprovals: 1, votesWithOutcome: 1, approvedRejected: 1 },
    ],
    ['sided with its department against the rest', 'a', { withDepartment: 1, withOthers: 0 }],
    ['sided with the rest against its department', 'e', { withDepartment: 0, withOthers: 1 }],
    ['mates split evenly: no split vote to count', 'c', { withDepartment: 0, withOthers: 0 }],
    [
      'moved toward the majority the others showed',
      'd',
      { towardMajority: 1, awayFromMajority: 0 },
    ],
    ['kept its vote: no change to count', 'c', { towardMajority: 0, awayFromMajority: 0 }],
  ];
  it.each(cases)('%s (%s)', (_name, agentId, expected) => {
    expect(counts(agentId)).toMatchObject(expected);
  });

  it('pools the blind votes of everyone', () => {
    expect(history).toMatchObject({ blindVotes: 5, blindApprovals: 3 });
  });
});

describe('summarizeBiasHistory', () => {
  it('groups raw ballots by proposal and round to the same counts', () => {
    const past: PastBallot[] = [
      ...second.map((b) => ({ ...b, proposalId: 'p1', round: 2, outcome: 'REJECT' as const })),
      ...blind.map((b) => ({ ...b, proposalId: 'p1', round: 1, outcome: 'REJECT' as const })),
    ];
    // Pairs are counted among the voters asked about only.
    const expected = emptyBiasHistory(new Set(voters.map((v) => v.agentId)));
    recordProposal(expected, [blind, second], departmentOf, 'REJECT');
    expect(summarizeBiasHistory(past, voters)).toEqual(expected);
  });
});

describe('pair counts', () => {
  it('counts every pair of decisive blind voters once, the lesser id first', () => {
    const history = emptyBiasHistory();
    recordProposal(history, [blind, second], departmentOf, null);
    const decisive = blind.filter((b) => b.choice !== 'ABSTAIN').length;
    let pairs = 0;
    for (const row of history.pairs.values()) pairs += row.size;
    expect(pairs).toBe((decisive * (decisive - 1)) / 2);
    const [a, b] = blind.filter((x) => x.choice !== 'ABSTAIN');
    expect(pairCounts(history, a?.agentId ?? '', b?.agentId ?? '')).toEqual({
      votes: 1,
      agreed: a?.choice === b?.choice ? 1 : 0,
    });
    expect(pairCounts(history, b?.agentId ?? '', a?.agentId ?? '')).toEqual(
      pairCounts(history, a?.agentId ?? '', b?.agentId ?? ''),
    );
  });

  it('keeps to its scope', () => {
    const history = emptyBiasHistory(new Set(['a', 'b']));
    recordProposal(history, [blind], departmentOf, null);
    expect([...history.pairs.keys()]).toEqual(['\u0000a']);
    expect([...(history.pairs.get('\u0000a')?.keys() ?? [])]).toEqual(['b']);
  });

  it('counts pairs by the kind of proposal', () => {
    const history = emptyBiasHistory();
    recordProposal(history, [blind], departmentOf, null, 'QUALITY');
    expect(pairCounts(history, 'a', 'b', 'QUALITY').votes).toBe(1);
    expect(pairCounts(history, 'a', 'b', 'BRAND').votes).toBe(0);
    expect(pairCounts(history, 'a', 'b').votes).toBe(0);
  });
});
