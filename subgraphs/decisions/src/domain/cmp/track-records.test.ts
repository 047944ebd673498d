import { describe, expect, it } from 'vitest';
import type { Outcome, RecordedVote } from './contracts.js';
import { accuracyFor, estimateTrackRecords, priorAccuracy } from './track-records.js';

const truth = (i: number): Outcome => (i % 2 === 0 ? 'APPROVE' : 'REJECT');
const flip = (o: Outcome): Outcome => (o === 'APPROVE' ? 'REJECT' : 'APPROVE');

/** 40 proposals: a, b, c always right; d always approves; e right on every third only. */
function votes(): RecordedVote[] {
  return Array.from({ length: 40 }, (_, i) => [
    ...['a', 'b', 'c'].map((agentId) => ({ proposalId: `p${i}`, agentId, choice: truth(i) })),
    { proposalId: `p${i}`, agentId: 'd', choice: 'APPROVE' as const },
    { proposalId: `p${i}`, agentId: 'e', choice: i % 3 === 0 ? truth(i) : flip(truth(i)) },
  ]).flat();
}
const allOutcomes = new Map(Array.from({ length: 40 }, (_, i) => [`p${i}`, truth(i)]));
const byAgent = (records: { agentId: string; accuracy: number }[]) =>
  Object.fromEntries(records.map((r) => [r.agentId, r.accuracy]));

describe('estimateTrackRecords', () => {
  it('with every outcome recorded, is the Beta posterior mean of right votes', () => {
    const records = estimateTrackRecords(votes(), allOutcomes);
    const acc = byAgent(records);
    expect(acc['a']).toBeCloseTo((7 + 40) / (10 + 40), 12);
    expect(acc['d']).toBeCloseTo((7 + 20) / (10 + 40), 12);
    expect(acc['e']).toBeCloseTo((7 + 14) / (10 + 40), 12);
    expect(records.find((r) => r.agentId === 'a')?.evidence).toBe(40);
  });

  it('without any outcome, EM still tells the reliable from the rest', () => {
    const acc = byAgent(estimateTrackRecords(votes(), new Map()));
    expect(acc['a']).toBeGreaterThan(0.9);
    expect(acc['d']).toBeLessThan(0.6);
    expect(acc['e']).toBeLessThan(0.5);
  });

  it('agrees with the labelled fit when a few outcomes anchor the rest', () => {
    const some = new Map([...allOutcomes].slice(0, 10));
    const labelled = byAgent(estimateTrackRecords(votes(), allOutcomes));
    const mixed = byAgent(estimateTrackRecords(votes(), some));
    for (const agent of ['a', 'b', 'c', 'd', 'e']) {
      expect(mixed[agent]).toBeCloseTo(labelled[agent] ?? 0, 1);
    }
  });

  it('leaves an agent without decisive votes out (the caller gives it the prior)', () => {
    const records = estimateTrackRecords(
      [{ proposalId: 'p0', agentId: 'new', choice: 'ABSTAIN' }],
      allOutcomes,
    );
    expect(records).toEqual([]);
    expect(priorAccuracy()).toBe(0.7);
  });

  it('starts a single vote near the prior and sorts by agent id', () => {
    const records = estimateTrackRecords(
      [
        { proposalId: 'p0', agentId: 'z', choice: 'APPROVE' },
        { proposalId: 'p0', agentId: 'y', choice: 'REJECT' },
      ],
      allOutcomes,
    );
    expect(records.map((r) => r.agentId)).toEqual(['y', 'z']);
    expect(records[0]?.accuracy).toBeCloseTo(7 / 11, 12);
    expect(records[1]?.accuracy).toBeCloseTo(8 / 11, 12);
  });

  it('honours a custom prior', () => {
    const records = estimateTrackRecords(
      [{ proposalId: 'p0', agentId: 'z', choice: 'APPROVE' }],
      allOutcomes,
      { prior: { alpha: 1, beta: 1 } },
    );
    expect(records[0]?.accuracy).toBeCloseTo(2 / 3, 12);
  });
});

describe('estimateTrackRecords by kind', () => {
  /** 200 proposals over two kinds: a right on QUALITY, a coin on BRAND; b right on both. */
  const kindVotes = (): RecordedVote[] =>
    Array.from({ length: 200 }, (_, i) => {
      const kind = i % 2 === 0 ? ('QUALITY' as const) : ('BRAND' as const);
      const aRight = kind === 'QUALITY' || i % 4 === 1;
      return [
        { proposalId: `k${i}`, agentId: 'a', choice: aRight ? truth(i) : flip(truth(i)), kind },
        { proposalId: `k${i}`, agentId: 'b', choice: truth(i), kind },
        { proposalId: `k${i}`, agentId: 'c', choice: truth(i), kind },
      ];
    }).flat();
  const outcomes = new Map(Array.from({ length: 200 }, (_, i) => [`k${i}`, truth(i)]));

  it('tells an agent strong on one kind from its coin-flips on another', () => {
    const a = estimateTrackRecords(kindVotes(), outcomes).find((r) => r.agentId === 'a');
    expect(a?.byKind?.QUALITY?.accuracy).toBeGreaterThan(0.9);
    expect(a?.byKind?.BRAND?.accuracy).toBeLessThan(0.6);
    expect(accuracyFor(a ?? { agentId: 'a', accuracy: 0, evidence: 0 }, 'QUALITY')).toBe(
      a?.byKind?.QUALITY,
    );
  });

  it('learns from votes without outcomes too (semi-supervised)', () => {
    const few = new Map([...outcomes].slice(0, 10));
    const a = estimateTrackRecords(kindVotes(), few).find((r) => r.agentId === 'a');
    expect(a?.byKind?.QUALITY?.accuracy).toBeGreaterThan(0.85);
    expect(a?.evidence).toBeGreaterThan(100);
  });

  it('keeps one accuracy where kinds do not differ', () => {
    // Each kind gets both truths, and every agent is as good on one kind as on the other.
    const kindOf = (proposalId: string) =>
      Math.floor(Number(proposalId.slice(1)) / 2) % 2 === 0 ? 'QUALITY' : 'BRAND';
    const same = votes().map((v) => ({ ...v, kind: kindOf(v.proposalId) }) as const);
    const c = estimateTrackRecords(same, allOutcomes).find((r) => r.agentId === 'c');
    expect(c?.byKind?.QUALITY?.accuracy).toBeCloseTo(c?.accuracy ?? 0, 2);
  });

  it('gives an agent seen on one kind only its overall accuracy there', () => {
    // Everyone wrong on the one proposal with an outcome: (7 + 0)/(10 + 1) each, on its kind too.
    const one = votes()
      .filter((v) => v.proposalId === 'p0')
      .map((v) => ({ ...v, kind: 'QUALITY' as const }));
    const records = estimateTrackRecords(one, new Map([['p0', 'REJECT' as const]]));
    const c = records.find((r) => r.agentId === 'c');
    expect(c?.accuracy).toBeCloseTo(7 / 11, 12);
    expect(c?.byKind?.QUALITY?.accuracy).toBeCloseTo(7 / 11, 12);
  });
});
