import { defineJob } from '@daena/platform/domain';
import { z } from 'zod';

// Owner: the decisions subgraph (it sends these; agents work vote requests).

const proposalRound = {
  proposalId: z.uuid(),
  /** Rounds count from 1. */
  round: z.number().int().min(1),
};

/** An open round asks one stakeholder agent for its vote (ARCHITECTURE §3, Voting). */
export interface VoteRequested {
  proposalId: string;
  round: number;
  agentId: string;
  /** When the round closes (ISO 8601); a vote after it is no longer counted. */
  deadline: string;
}

/** A round's deadline came: close the round (it may have closed earlier; handlers check). */
export interface RoundDeadline {
  proposalId: string;
  round: number;
}

/**
 * Every stakeholder of a round voted: close it. Sent before the completing vote commits, so the
 * close survives the process dying after that commit; the vote's own process closes the round at
 * once, and handlers check the round is still open and complete (issue 4, live tallies).
 */
export interface RoundComplete {
  proposalId: string;
  round: number;
}

/** The decisions subgraph's jobs. */
export const decisionsJobs = {
  voteRequested: defineJob<VoteRequested>(
    'decisions.vote-request',
    z.object({ ...proposalRound, agentId: z.uuid(), deadline: z.iso.datetime({ offset: true }) }),
  ),
  roundDeadline: defineJob<RoundDeadline>('decisions.round-deadline', z.object(proposalRound)),
  roundComplete: defineJob<RoundComplete>('decisions.round-complete', z.object(proposalRound)),
} as const;

/**
 * Singleton keys: one queued or running job per key, so asking twice is a no-op. A vote request
 * is one per (proposal, round, agent), like the vote it asks for; a deadline one per round.
 */
export const jobKeys = {
  voteRequested: (job: VoteRequested) => `${job.proposalId}:${job.round}:${job.agentId}`,
  roundDeadline: (job: RoundDeadline) => `${job.proposalId}:${job.round}`,
  roundComplete: (job: RoundComplete) => `${job.proposalId}:${job.round}`,
} as const;
