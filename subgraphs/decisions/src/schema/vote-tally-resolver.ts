import { NotFoundError } from '@daena/platform';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { readTally } from '../operations/read-tally.js';
import type { DecisionsContext } from './context.js';
import { Proposal, VoteTally } from './types.js';

@Resolver(() => VoteTally)
export class VoteTallyResolver {
  @Query(() => VoteTally, {
    description:
      'The tally of a proposal; with asOfVote, only votes up to that one count (the query twin of Subscription.voteTally)',
  })
  voteTally(
    @Ctx() ctx: DecisionsContext,
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('asOfVote', () => ID, { nullable: true }) asOfVote?: string,
  ): Promise<VoteTally> {
    return readTally(ctx, proposalId, asOfVote);
  }

  @FieldResolver(() => Proposal)
  async proposal(@Root() tally: VoteTally, @Ctx() ctx: DecisionsContext): Promise<Proposal> {
    const proposal = await ctx.loaders.proposal.load(tally.proposalId);
    if (!proposal) throw new NotFoundError('Proposal', tally.proposalId);
    return proposal;
  }
}
