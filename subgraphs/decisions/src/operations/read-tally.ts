import { BadInputError, NotFoundError } from '@daena/platform';
import { isUuid } from '../domain/ids.js';
import { latestVote, tallyVotes, type CountedVote } from '../domain/tally.js';
import type { DecisionsContext } from '../schema/context.js';
import type { VoteTally } from '../schema/types.js';
import type { VoteRecord } from '../store/entities.js';

/**
 * A proposal's tally, now or as of one of its votes. As of a vote, only votes accepted up to it
 * count, each as it stood then, so the tally shows what that vote's `decisions.vote.cast` event
 * announced even after more votes arrived (the gateway's subscription bridge relies on this).
 * Batched through the request's loaders, so tallies of many proposals cost a few queries in all.
 */
export async function readTally(
  ctx: DecisionsContext,
  proposalId: string,
  asOfVoteId?: string | null,
): Promise<VoteTally> {
  const proposal = await ctx.loaders.proposal.load(proposalId);
  if (!proposal) throw new NotFoundError('Proposal', proposalId);
  const [votes, stakeholders, asOf] = await Promise.all([
    ctx.loaders.votesByProposal.load(proposal.id),
    ctx.loaders.stakeholdersByProposal.load(proposal.id),
    asOfVoteId ? findVoteOf(ctx, proposal.id, asOfVoteId) : null,
  ]);
  let counted: readonly CountedVote[] = votes;
  let lastVote: VoteRecord | null = latestVote(votes);
  if (asOf) {
    counted = await ctx.votes.asOf(proposal.id, asOf.round, asOf.seq);
    lastVote = asOf;
  }
  const tally = tallyVotes(counted, stakeholders.length);
  return {
    proposalId: proposal.id,
    approve: tally.approve,
    reject: tally.reject,
    abstain: tally.abstain,
    votes: votes.length,
    stakeholders: tally.stakeholders,
    participation: tally.participation,
    support: tally.support,
    lastVote,
    votesCounted: tally.votesCounted,
  };
}

async function findVoteOf(
  ctx: DecisionsContext,
  proposalId: string,
  voteId: string,
): Promise<VoteRecord> {
  const vote = isUuid(voteId) ? await ctx.loaders.vote.load(voteId) : null;
  if (!vote || vote.proposalId !== proposalId) {
    throw new BadInputError(
      `asOfVote ${voteId} is not a vote of proposal ${proposalId}`,
      'VOTE_NOT_OF_PROPOSAL',
    );
  }
  return vote;
}
