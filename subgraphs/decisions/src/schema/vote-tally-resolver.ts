import { NotFoundError } from '@daena/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { readTally } from '../operations/read-tally.js';
import type { DecisionsContext } from '../request/context.js';
import { Proposal } from './proposal-types.js';
import { VoteTally } from './types.js';

@Resolver(() => VoteTally)
export class VoteTallyResolver {
  @Query(() => VoteTally, {
    description:
      'The tally of a round of a proposal (default: the current round); with asOfVote, that vote’s round with only the votes up to it (the query twin of Subscription.voteTally)',
  })
  voteTally(
    @Ctx() ctx: DecisionsContext,
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('asOfVote', () => ID, { nullable: true }) asOfVote?: string,
    @Arg('round', () => Int, { nullable: true }) round?: number,
  ): Promise<VoteTally> {
    return readTally(ctx, proposalId, asOfVote, round);
  }

  @FieldResolver(() => Proposal)
  async proposal(@Root() tally: VoteTally, @Ctx() ctx: DecisionsContext): Promise<Proposal> {
    const proposal = await ctx.loaders.proposal.load(tally.proposalId);
    if (!proposal) throw new NotFoundError('Proposal', tally.proposalId);
    return proposal;
  }
}
