import { describe, expect, it } from 'vitest';
import { latestVote, tallyVotes, type CountedVote } from './tally.js';

const approve = (confidence = 1): CountedVote => ({ choice: 'APPROVE', confidence });
const reject = (confidence = 1): CountedVote => ({ choice: 'REJECT', confidence });
const abstain = (confidence = 1): CountedVote => ({ choice: 'ABSTAIN', confidence });

describe('tallyVotes', () => {
  it('counts choices, participation and the weighted approve share', () => {
    const tally = tallyVotes([approve(1), approve(0.5), reject(0.5), abstain()], 8);
    expect(tally).toMatchObject({
      approve: 2,
      reject: 1,
      abstain: 1,
      votesCounted: 4,
      stakeholders: 8,
      participation: 0.5,
      approveWeight: 1.5,
      rejectWeight: 0.5,
      support: 0.75,
    });
  });

  it('gives support 0 when no decisive vote was cast, and participation 0 without stakeholders', () => {
    expect(tallyVotes([abstain(), abstain()], 2)).toMatchObject({ support: 0, participation: 1 });
    expect(tallyVotes([], 0)).toMatchObject({ support: 0, participation: 0, votesCounted: 0 });
  });

  it('lets an abstention count for participation but for neither side', () => {
    expect(tallyVotes([approve(), abstain(), abstain(), abstain()], 4).support).toBe(1);
  });
});

describe('latestVote', () => {
  it('picks the highest sequence number, compared as integers not strings', () => {
    const votes = [{ seq: '9' }, { seq: '10' }, { seq: '2' }];
    expect(latestVote(votes)).toEqual({ seq: '10' });
    expect(latestVote([])).toBeNull();
  });
});
