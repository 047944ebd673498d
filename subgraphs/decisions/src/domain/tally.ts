import { VoteChoice } from './cmp/contracts.js';

export interface CountedVote {
  choice: VoteChoice;
  /** The voter's confidence (0–1). */
  confidence: number;
}

export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  /** approve + reject + abstain. */
  votesCounted: number;
  stakeholders: number;
  /** votesCounted / stakeholders (abstaining is taking part); 0 without stakeholders. */
  participation: number;
  approveWeight: number;
  rejectWeight: number;
  /** approveWeight / (approveWeight + rejectWeight): abstentions count for neither side; 0 when no weight. */
  support: number;
}

/**
 * Counts votes and weighs them by confidence alone: the plain count a person reads next to CMP's
 * weighted support (`aggregateRound`, which also weighs each stakeholder).
 */
export function tallyVotes(votes: readonly CountedVote[], stakeholders: number): Tally {
  let approve = 0;
  let reject = 0;
  let abstain = 0;
  let approveWeight = 0;
  let rejectWeight = 0;
  for (const vote of votes) {
    if (vote.choice === VoteChoice.APPROVE) {
      approve++;
      approveWeight += vote.confidence;
    } else if (vote.choice === VoteChoice.REJECT) {
      reject++;
      rejectWeight += vote.confidence;
    } else {
      abstain++;
    }
  }
  const votesCounted = approve + reject + abstain;
  const decisive = approveWeight + rejectWeight;
  return {
    approve,
    reject,
    abstain,
    votesCounted,
    stakeholders,
    participation: stakeholders > 0 ? votesCounted / stakeholders : 0,
    approveWeight,
    rejectWeight,
    support: decisive > 0 ? approveWeight / decisive : 0,
  };
}

/** The most recently accepted vote: the highest `seq` (a bigint, carried as a decimal string). */
export function latestVote<T extends { seq: string }>(votes: readonly T[]): T | null {
  let latest: T | null = null;
  for (const vote of votes) {
    if (!latest || BigInt(vote.seq) > BigInt(latest.seq)) latest = vote;
  }
  return latest;
}
