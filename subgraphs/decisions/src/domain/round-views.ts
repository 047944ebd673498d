import type { BiasFinding } from './cmp/contracts.js';
import { isClosed, type ProposalStatus } from './proposal.js';
import { tallyVotes, type CountedVote } from './tally.js';

/** A stored round as the views read it. */
export interface ClosedRoundFigures {
  round: number;
  closedAt: Date | null;
  support: number | null;
  intervalLow: number | null;
  intervalHigh: number | null;
  margin: number | null;
  participation: number | null;
  biasFindings: readonly BiasFinding[];
}

/** The result of a closed proposal: its last closed round's figures and its final status. */
export function consensusResultOf(status: ProposalStatus, rounds: readonly ClosedRoundFigures[]) {
  const closed = rounds.filter((round) => round.closedAt !== null);
  const last = closed.at(-1);
  if (!isClosed(status) || !last) return null;
  return {
    support: last.support ?? 0,
    interval: { low: last.intervalLow ?? 0, high: last.intervalHigh ?? 1 },
    margin: last.margin ?? 0,
    participation: last.participation ?? 0,
    roundsUsed: closed.length,
    decision: status,
  };
}

/**
 * The bias report so far: every round's findings, the latest one of each kind and set of agents
 * kept (each round's check covers the proposal up to then).
 */
export function biasReportOf(rounds: readonly ClosedRoundFigures[]) {
  const latest = new Map<string, BiasFinding & { round: number }>();
  for (const round of rounds) {
    for (const finding of round.biasFindings) {
      const key = `${finding.kind}:${[...finding.agentIds].sort().join(',')}`;
      latest.delete(key);
      latest.set(key, { ...finding, round: round.round });
    }
  }
  return [...latest.values()];
}

/**
 * The previous round as the next round's voters see it: counts and rationales, without names and
 * in alphabetical order, so nothing ties a rationale to its author or to the order of voting.
 */
export function previousRoundOf(
  round: number,
  votes: readonly (CountedVote & { rationale: string | null })[],
  support: number | null,
) {
  const tally = tallyVotes(votes, votes.length);
  const rationales = votes
    .map((vote) => vote.rationale?.trim() ?? '')
    .filter((text) => text.length > 0)
    .sort((a, b) => a.localeCompare(b));
  return {
    round,
    approve: tally.approve,
    reject: tally.reject,
    abstain: tally.abstain,
    support,
    rationales,
  };
}
