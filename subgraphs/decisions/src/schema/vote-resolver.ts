import { NotFoundError } from '@daena/platform';
import { Arg, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import { mayReadVote } from '../domain/vote.js';
import { castExecutiveVote, castVote } from '../operations/cast-vote.js';
import type { DecisionsContext } from '../request/context.js';
import { VoteChoice, VoterKind } from './enums.js';
import { CastExecutiveVoteInput, CastVoteInput } from './inputs.js';
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

  @Mutation(() => Vote, {
    description:
      'An executive votes in the open round with a reason (role executive): counted in support with the executive prior’s evidence, outside the agents’ weight cap; changeable until the round closes',
  })
  castExecutiveVote(
    @Ctx() ctx: DecisionsContext,
    @Arg('input', () => CastExecutiveVoteInput) input: CastExecutiveVoteInput,
  ): Promise<Vote> {
    return castExecutiveVote(ctx, input);
  }

  @FieldResolver(() => VoterKind)
  voterKind(@Root() vote: Vote): VoterKind {
    return vote.personSubject === null ? VoterKind.AGENT : VoterKind.EXECUTIVE;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The executive who cast it (their subject); null for an agent’s vote',
  })
  executive(@Root() vote: Vote): string | null {
    return vote.personSubject;
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

  @FieldResolver(() => Agent, {
    nullable: true,
    description: 'The stakeholder agent who cast it; null for an executive’s vote',
  })
  agent(@Root() vote: Vote): Agent | null {
    return vote.personSubject === null ? { id: vote.agentId } : null;
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
