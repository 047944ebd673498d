import { randomUUID } from 'node:crypto';
import { Jobs, jobKeys } from '@daena/contracts';
import { assertTransition, roundDeadline } from '../domain/lifecycle.js';
import { ProposalStatus } from '../domain/proposal.js';
import type { DecisionTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord, VotingRoundRecord } from '../store/records.js';
import type { Effects } from './effects.js';

export interface Move {
  to: ProposalStatus;
  round: number;
  by: string;
  reason: string | null;
}

/**
 * One edge of the state machine, inside the caller's transaction: checked, applied, stored as a
 * transition and queued for announcement after commit.
 */
export async function moveTo(
  tx: DecisionTransaction,
  proposal: ProposalRecord,
  move: Move,
  effects: Effects,
): Promise<ProposalRecord> {
  assertTransition(proposal.status, move.to, proposal.id);
  const updated = await tx.proposals.setStatus(proposal.id, move.to, move.round);
  const transition = await tx.transitions.record(proposal.id, randomUUID(), {
    from: proposal.status,
    to: move.to,
    round: move.round,
    by: move.by,
    reason: move.reason,
  });
  effects.transitions.push({ proposal: updated, transition });
  return updated;
}

/**
 * Opens `round` with its deadline and, in the same transaction, queues its deadline job and one
 * vote request per stakeholder (so the round exists exactly when its jobs do).
 */
export async function openRound(
  tx: DecisionTransaction,
  proposal: ProposalRecord,
  round: number,
  now: Date,
  effects: Effects,
): Promise<VotingRoundRecord> {
  const deadline = roundDeadline(now, proposal.roundSeconds, proposal.deadline);
  const opened = await tx.rounds.open(proposal.id, round, deadline);
  const stakeholders = await tx.stakeholders.agentsOf(proposal.id);
  const stakeholderIds = stakeholders.map((stakeholder) => stakeholder.agentId);
  const job = { proposalId: opened.proposalId, round: opened.round };
  await tx.jobs.send(Jobs.roundDeadline, [
    { data: job, startAfter: opened.deadline, singletonKey: jobKeys.roundDeadline(job) },
  ]);
  await tx.jobs.send(
    Jobs.voteRequested,
    stakeholderIds.map((agentId) => {
      const request = { ...job, agentId, deadline: opened.deadline.toISOString() };
      return { data: request, singletonKey: jobKeys.voteRequested(request) };
    }),
  );
  effects.roundsOpened.push({ round: opened, stakeholderIds });
  return opened;
}

/**
 * Locks the proposal a round job names and returns it with that round, or null when the job has
 * nothing to do: the proposal is no longer open, has moved on to another round, or the round is
 * already closed (by its last vote, its deadline, an intervention, or a redelivered job).
 */
export async function lockOpenRound(
  tx: DecisionTransaction,
  job: { proposalId: string; round: number },
): Promise<{ proposal: ProposalRecord; round: VotingRoundRecord } | null> {
  const proposal = await tx.proposals.lock(job.proposalId);
  if (proposal?.status !== ProposalStatus.OPEN || proposal.currentRound !== job.round) return null;
  const round = await tx.rounds.find(proposal.id, job.round);
  return round && !round.closedAt ? { proposal, round } : null;
}
