import { NotFoundError } from '@daena/platform';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { castVote } from '../operations/cast-vote.js';
import type { DecisionsContext } from './context.js';
import { CastVoteInput } from './inputs.js';
import { Agent, Proposal, Vote } from './types.js';

@Resolver(() => Vote)
export class VoteResolver {
  @Mutation(() => Vote, {
    description:
      'Casts or changes a stakeholder agent’s vote; sending the same vote again changes nothing',
  })
  castVote(
    @Ctx() ctx: DecisionsContext,
    @Arg('input', () => CastVoteInput) input: CastVoteInput,
  ): Promise<Vote> {
    return castVote(ctx, input);
  }

  @FieldResolver(() => Proposal)
  async proposal(@Root() vote: Vote, @Ctx() ctx: DecisionsContext): Promise<Proposal> {
    const proposal = await ctx.loaders.proposal.load(vote.proposalId);
    if (!proposal) throw new NotFoundError('Proposal', vote.proposalId);
    return proposal;
  }

  @FieldResolver(() => Agent)
  agent(@Root() vote: Vote): Agent {
    return { id: vote.agentId };
  }
}

/** Federation: other subgraphs reference votes by id. Unknown ids resolve to null. */
export function resolveVoteReference(
  reference: { id: string },
  ctx: DecisionsContext,
): Promise<Vote | null> {
  return ctx.loaders.vote.load(reference.id);
}
