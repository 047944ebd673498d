import { ProposalStatus, type ClosedStatus } from './proposal.js';
import { VoteChoice } from './vote.js';

export interface CountedVote {
  choice: VoteChoice;
  /** The voter's confidence (0–1), used as the vote's weight until CMP adds role weights. */
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
 * Relative tolerance under which approve and reject weights count as a tie. Sums of doubles drift
 * by ~1e-16 per addition (0.1 + 0.2 ≠ 0.3), far below this bound for any realistic vote count.
 */
export const tieTolerance = 1e-9;

/** Counts votes and weighs them by confidence. */
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

/**
 * The closing rule of the foundation (simple weighted majority): ACCEPTED when the weighted approve
 * share of non-abstaining votes is above one half, REJECTED below, NO_CONSENSUS on a tie or when
 * nothing decisive was cast.
 */
export function decideOutcome(tally: Pick<Tally, 'approveWeight' | 'rejectWeight'>): ClosedStatus {
  const { approveWeight, rejectWeight } = tally;
  const decisive = approveWeight + rejectWeight;
  if (decisive <= 0) return ProposalStatus.NO_CONSENSUS;
  const margin = approveWeight - rejectWeight;
  if (Math.abs(margin) <= tieTolerance * decisive) return ProposalStatus.NO_CONSENSUS;
  return margin > 0 ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED;
}

/** The most recently accepted vote: the highest `seq` (a bigint, carried as a decimal string). */
export function latestVote<T extends { seq: string }>(votes: readonly T[]): T | null {
  let latest: T | null = null;
  for (const vote of votes) {
    if (!latest || BigInt(vote.seq) > BigInt(latest.seq)) latest = vote;
  }
  return latest;
}
