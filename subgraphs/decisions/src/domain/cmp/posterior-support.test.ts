import { describe, expect, it } from 'vitest';
import { executiveEvidence, personRecordOf, type PersonRecord } from './posterior-support.js';

describe('personRecordOf', () => {
  const cases: [string, Parameters<typeof personRecordOf>[0], PersonRecord][] = [
    ['no recorded outcome', [], { hits: 0, misses: 0 }],
    [
      'approved, approving was right',
      [{ choice: 'APPROVE', outcome: 'APPROVE', votes: 2 }],
      { hits: 2, misses: 0 },
    ],
    [
      'rejected, rejecting was right',
      [{ choice: 'REJECT', outcome: 'REJECT', votes: 2 }],
      { hits: 2, misses: 0 },
    ],
    [
      'approved, rejecting was right',
      [{ choice: 'APPROVE', outcome: 'REJECT', votes: 2 }],
      { hits: 0, misses: 2 },
    ],
    [
      'rejected, approving was right',
      [{ choice: 'REJECT', outcome: 'APPROVE', votes: 2 }],
      { hits: 0, misses: 2 },
    ],
    [
      'every pair counted once',
      [
        { choice: 'APPROVE', outcome: 'APPROVE', votes: 3 },
        { choice: 'APPROVE', outcome: 'REJECT', votes: 1 },
        { choice: 'REJECT', outcome: 'REJECT', votes: 2 },
      ],
      { hits: 5, misses: 1 },
    ],
  ];
  it.each(cases)('%s', (_name, counts, expected) => {
    expect(personRecordOf(counts)).toEqual(expected);
  });
});

describe('executiveEvidence', () => {
  it('is the prior with no record, and moves towards the record as outcomes add up', () => {
    expect(executiveEvidence(0.8).accuracy).toBeCloseTo(0.8);
    expect(executiveEvidence(0.8, { hits: 10, misses: 0 }).accuracy).toBeCloseTo(0.9);
    expect(executiveEvidence(0.8, { hits: 0, misses: 10 }).accuracy).toBeCloseTo(0.4);
  });
});
