import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@daena/platform';
import { systemActor } from '../domain/lifecycle.js';
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
import { closeRound } from './close-round.js';
import { announce, noEffects } from './effects.js';

/**
 * Records an agent's vote, idempotently per (proposal, round, agent): the same vote again returns
 * the stored one and publishes nothing (even once its round closed); a changed vote replaces it
 * while its round is open and is announced again. The vote that completes a round closes it in
 * the same transaction (`closeRound`): the result, bias check and the next round or final status
 * commit with it.
 */
export async function castVote(ctx: DecisionsContext, request: VoteRequest): Promise<VoteRecord> {
  assertMayVoteAs(ctx.principal, request.agentId);
  const vote = validateVoteRequest(request);
  const effects = noEffects();

  const recorded = await runInTransaction(ctx.em, async (tx) => {
    const proposal = await tx.lockProposal(vote.proposalId);
    if (!proposal) throw new NotFoundError('Proposal', vote.proposalId);
    const ballot: Ballot = { ...vote, round: vote.round ?? proposal.currentRound };
    const replay = await replayOf(tx, proposal, ballot);
    if (replay) return replay;
    assertOpen(proposal, proposal.id);
    assertRoundOpen(proposal.currentRound, ballot.round);
    const stakeholders = await tx.stakeholders(proposal.id);
    assertStakeholder(
      stakeholders.map((stakeholder) => stakeholder.agentId),
      ballot.agentId,
    );
    const { vote: stored, changed } = await tx.votes.upsert(randomUUID(), ballot);
    if (!changed) return stored;
    effects.votes.push(stored);
    if ((await tx.votes.count(proposal.id, ballot.round)) >= stakeholders.length) {
      await closeRound(
        ctx,
        tx,
        proposal,
        { because: 'every stakeholder voted', by: systemActor },
        effects,
      );
    }
    return stored;
  });
  if (effects.votes.length > 0) {
    ctx.afterWrite();
    await announce(ctx.runtime, effects);
  }
  return recorded;
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
