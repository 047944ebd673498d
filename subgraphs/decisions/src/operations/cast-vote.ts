import { randomUUID } from 'node:crypto';
import { NotFoundError, type RoundComplete } from '@daena/platform';
import { ProposalStatus, assertOpen } from '../domain/proposal.js';
import {
  assertMayVoteAs,
  assertRoundOpen,
  assertStakeholder,
  sameBallot,
  validateVoteRequest,
  type Ballot,
  type VoteRequest,
} from '../domain/vote.js';
import type { DecisionsContext } from '../schema/context.js';
import { runInTransaction, type DecisionTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord, VoteRecord } from '../store/entities.js';
import { announce, noEffects } from './effects.js';
import { closeCompletedRound, queueRoundComplete } from './round-complete.js';

/**
 * Records an agent's vote, idempotently per (proposal, round, agent): the same vote again returns
 * the stored one and publishes nothing (even once its round closed); a changed vote replaces it
 * while its round is open and is announced again.
 *
 * The vote that completes a round commits and publishes its tally first; the round then closes
 * in a transaction of its own (`closeCompletedRound`: bias check, result, next round or final
 * status), so the live tally never waits for it (issue 4, item 9). That close is made durable
 * in the vote's own transaction (`Jobs.roundComplete`), and the mutation answers once it is done,
 * so the caller reads the round's outcome as before.
 */
export async function castVote(ctx: DecisionsContext, request: VoteRequest): Promise<VoteRecord> {
  assertMayVoteAs(ctx.principal, request.agentId);
  const vote = validateVoteRequest(request);
  const effects = noEffects();

  const { recorded, completed } = await runInTransaction(
    ctx.em,
    ctx.runtime.jobs,
    async (tx): Promise<Cast> => {
      const proposal = await tx.lockProposal(vote.proposalId);
      if (!proposal) throw new NotFoundError('Proposal', vote.proposalId);
      const ballot: Ballot = { ...vote, round: vote.round ?? proposal.currentRound };
      const replay = await replayOf(tx, proposal, ballot);
      if (replay) return { recorded: replay, completed: null };
      assertOpen(proposal, proposal.id);
      assertRoundOpen(proposal.currentRound, ballot.round);
      const stakeholders = await tx.stakeholders(proposal.id);
      assertStakeholder(
        stakeholders.map((stakeholder) => stakeholder.agentId),
        ballot.agentId,
      );
      const { vote: stored, changed } = await tx.votes.upsert(randomUUID(), ballot);
      if (!changed) return { recorded: stored, completed: null };
      effects.votes.push(stored);
      if ((await tx.votes.count(proposal.id, ballot.round)) < stakeholders.length) {
        return { recorded: stored, completed: null };
      }
      const completed = { proposalId: proposal.id, round: ballot.round };
      await queueRoundComplete(ctx.runtime, tx, completed);
      return { recorded: stored, completed };
    },
  );
  if (effects.votes.length === 0) return recorded;
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  if (completed) await closeAfterVote(ctx, completed);
  return recorded;
}

interface Cast {
  recorded: VoteRecord;
  /** The round this vote completed, to be closed after the vote commits. */
  completed: RoundComplete | null;
}

/** The vote stands whatever happens here: a failed close is the queued job's to retry. */
async function closeAfterVote(ctx: DecisionsContext, round: RoundComplete): Promise<void> {
  try {
    await closeCompletedRound(ctx, round);
  } catch (error) {
    ctx.runtime.log.warn(
      { ...round, err: error },
      'round not closed after its last vote; the round-complete job will close it',
    );
  }
}

/**
 * A vote already recorded exactly so, in a round that no longer takes votes: answered with the
 * stored vote, so a redelivered vote request changes nothing. (In the open round the upsert
 * itself recognises a repeat.)
 */
async function replayOf(
  tx: DecisionTransaction,
  proposal: ProposalRecord,
  ballot: Ballot,
): Promise<VoteRecord | null> {
  const open = proposal.status === ProposalStatus.OPEN && ballot.round === proposal.currentRound;
  if (open || ballot.round < 1 || ballot.round > proposal.currentRound) return null;
  const stored = await tx.votes.find(proposal.id, ballot.round, ballot.agentId);
  return stored && sameBallot(stored, ballot) ? stored : null;
}
