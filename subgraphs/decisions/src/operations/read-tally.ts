import { BadInputError, NotFoundError, isUuid } from '@daena/platform';
import { aggregateRound, type Ballot } from '../domain/cmp/index.js';
import { latestVote, tallyVotes } from '../domain/tally.js';
import { blindRound } from '../domain/vote.js';
import type { DecisionsContext } from '../request/context.js';
import type { ProposalRecord, VoteRecord } from '../store/records.js';
import { roundKey } from '../request/loaders.js';
import { cmpStakeholder } from './cmp-voters.js';

/** One round's tally as `readTally` counts it (GraphQL's `VoteTally` shows it). */
export interface Tally {
  proposalId: string;
  round: number;
  blind: boolean;
  /** The agents' choices, null while the round is blind. */
  approve: number | null;
  reject: number | null;
  abstain: number | null;
  /** The agents' votes cast in the round so far, whatever `asOfVote` says. */
  votes: number;
  executiveVotes: number;
  executiveApprove: number | null;
  executiveReject: number | null;
  stakeholders: number;
  participation: number;
  weightVoted: number;
  support: number | null;
  interval: { low: number; high: number } | null;
  threshold: number | null;
  lastVote: VoteRecord | null;
  votesCounted: number;
}

/**
 * A proposal's tally for one round (the current one unless `round` or `asOfVote` says), now or as
 * of one of its votes. As of a vote, only that round's votes accepted up to it count, each as it
 * stood then, so the tally shows what that vote's `decisions.vote.cast` event announced even after
 * more votes arrived (the gateway's subscription bridge relies on this).
 *
 * Round 1 is blind while it is open: the tally then shows participation (votes counted, weight
 * voted) but no choices and no support. Executives' votes count in support (with the executive
 * prior's evidence) and are counted apart: participation is the stakeholder agents'. Support is
 * CMP's (`aggregateRound`): the posterior that approving is right, from each stakeholder's
 * evidence × confidence, with its 95% interval. Batched through the request's loaders.
 */
export async function readTally(
  ctx: DecisionsContext,
  proposalId: string,
  asOfVoteId?: string | null,
  round?: number | null,
): Promise<Tally> {
  const proposal = await ctx.loaders.proposal.load(proposalId);
  if (!proposal) throw new NotFoundError('Proposal', proposalId);
  const asOf = asOfVoteId ? await findVoteOf(ctx, proposal.id, asOfVoteId) : null;
  const counting = asOf?.round ?? roundOf(proposal, round);
  const [votes, stakeholders] = await Promise.all([
    ctx.loaders.votesByRound.load(roundKey({ proposalId: proposal.id, round: counting })),
    ctx.loaders.stakeholdersByProposal.load(proposal.id),
  ]);
  let counted: readonly (Ballot & { agentId: string; personSubject: string | null })[] = votes;
  let lastVote: VoteRecord | null = latestVote(votes);
  if (asOf) {
    counted = (await ctx.votes.asOf(proposal.id, asOf.round, asOf.seq)).map((vote) => ({
      ...vote,
      rationale: null,
    }));
    lastVote = asOf;
  }
  const agents = stakeholders.filter((s) => s.personSubject === null);
  const agentVotes = counted.filter((vote) => vote.personSubject === null);
  const executiveVotes = tallyVotes(
    counted.filter((vote) => vote.personSubject !== null),
    0,
  );
  const tally = tallyVotes(agentVotes, agents.length);
  const threshold = proposal.threshold ?? 0.5;
  const result = aggregateRound(counted, stakeholders.map(cmpStakeholder), threshold);
  const blind =
    counting === blindRound && proposal.status === 'OPEN' && proposal.currentRound === blindRound;
  return {
    proposalId: proposal.id,
    round: counting,
    blind,
    approve: blind ? null : tally.approve,
    reject: blind ? null : tally.reject,
    abstain: blind ? null : tally.abstain,
    votes: votes.filter((vote) => vote.personSubject === null).length,
    executiveVotes: executiveVotes.votesCounted,
    executiveApprove: blind ? null : executiveVotes.approve,
    executiveReject: blind ? null : executiveVotes.reject,
    stakeholders: tally.stakeholders,
    participation: tally.participation,
    weightVoted: result.participation,
    support: blind ? null : result.support,
    interval: blind ? null : result.interval,
    threshold: proposal.threshold,
    lastVote,
    votesCounted: tally.votesCounted,
  };
}

/** The round asked for, else the current one; a round that never opened is BAD_USER_INPUT. */
function roundOf(proposal: ProposalRecord, round: number | null | undefined): number {
  if (round === null || round === undefined) return proposal.currentRound;
  if (!Number.isInteger(round) || round < 1 || round > proposal.currentRound) {
    throw new BadInputError(
      `round ${round} of proposal ${proposal.id} has not opened (current round ${proposal.currentRound})`,
      'ROUND_INVALID',
    );
  }
  return round;
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
