import { randomUUID } from 'node:crypto';
import { Events } from '@daena/platform';
import { assertOpen } from '../domain/proposal.js';
import {
  assertMayVoteAs,
  assertStakeholder,
  validateVoteRequest,
  type VoteRequest,
} from '../domain/vote.js';
import { publishCommitted } from '../events/publish-committed.js';
import type { DecisionsContext } from '../schema/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { VoteRecord } from '../store/entities.js';

/**
 * Records an agent's vote, idempotently per (proposal, round, agent): the same vote again returns
 * the stored one and publishes nothing; a changed vote replaces it and is announced again.
 */
export async function castVote(ctx: DecisionsContext, request: VoteRequest): Promise<VoteRecord> {
  const { principal, runtime } = ctx;
  assertMayVoteAs(principal, request.agentId);
  const ballot = validateVoteRequest(request);

  const { vote, changed } = await runInTransaction(ctx.em, async (tx) => {
    const proposal = assertOpen(await tx.lockProposal(ballot.proposalId), ballot.proposalId);
    assertStakeholder(await tx.stakeholderIds(proposal.id), ballot.agentId);
    return tx.upsertVote(randomUUID(), ballot);
  });
  if (!changed) return vote;

  ctx.afterWrite();
  await publishCommitted(
    runtime,
    Events.voteCast.create({
      proposalId: vote.proposalId,
      voteId: vote.id,
      agentId: vote.agentId,
      round: vote.round,
    }),
  );
  return vote;
}
