import { NotFoundError } from '@daena/platform';
import { Arg, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import { mayReadVote } from '../domain/vote.js';
import { castVote } from '../operations/cast-vote.js';
import type { DecisionsContext } from './context.js';
import { VoteChoice } from './enums.js';
import { CastVoteInput } from './inputs.js';
import { Proposal } from './proposal-types.js';
import { Agent, Vote } from './types.js';

@Resolver(() => Vote)
export class VoteResolver {
  @Mutation(() => Vote, {
    description:
      'Casts or changes a stakeholder agent’s vote in the open round; sending the same vote again changes nothing',
  })
  castVote(
    @Ctx() ctx: DecisionsContext,
    @Arg('input', () => CastVoteInput) input: CastVoteInput,
  ): Promise<Vote> {
    return castVote(ctx, input);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True while the vote’s round is blind: choice, confidence and rationale are hidden from all but the voter',
  })
  async sealed(@Root() vote: Vote, @Ctx() ctx: DecisionsContext): Promise<boolean> {
    return !(await readable(vote, ctx));
  }

  @FieldResolver(() => VoteChoice, { nullable: true, description: 'null while sealed' })
  async choice(@Root() vote: Vote, @Ctx() ctx: DecisionsContext): Promise<VoteChoice | null> {
    return (await readable(vote, ctx)) ? vote.choice : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'How sure the agent is, 0–1 (it scales the vote’s weight); null while sealed',
  })
  async confidence(@Root() vote: Vote, @Ctx() ctx: DecisionsContext): Promise<number | null> {
    return (await readable(vote, ctx)) ? vote.confidence : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'null while sealed' })
  async rationale(@Root() vote: Vote, @Ctx() ctx: DecisionsContext): Promise<string | null> {
    return (await readable(vote, ctx)) ? vote.rationale : null;
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

async function readable(vote: Vote, ctx: DecisionsContext): Promise<boolean> {
  const proposal = await ctx.loaders.proposal.load(vote.proposalId);
  return !proposal || mayReadVote(ctx.principal, vote, proposal);
}

/** Federation: other subgraphs reference votes by id. Unknown ids resolve to null. */
export function resolveVoteReference(
  reference: { id: string },
  ctx: DecisionsContext,
): Promise<Vote | null> {
  return ctx.loaders.vote.load(reference.id);
}
