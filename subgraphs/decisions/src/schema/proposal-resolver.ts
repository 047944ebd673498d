import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProposalStatus } from '../domain/proposal.js';
import { closeProposal } from '../operations/close-proposal.js';
import { openProposal } from '../operations/open-proposal.js';
import { readTally } from '../operations/read-tally.js';
import type { DecisionsContext } from './context.js';
import { OpenProposalInput } from './inputs.js';
import { Agent, Department, Proposal, Vote, VoteTally } from './types.js';

/** A list query never returns more than this many proposals (no pagination yet). */
const proposalListLimit = 100;

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => [Proposal], { description: 'Proposals, newest first (at most 100)' })
  async proposals(
    @Ctx() ctx: DecisionsContext,
    @Arg('status', () => ProposalStatus, { nullable: true }) status?: ProposalStatus,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
  ): Promise<Proposal[]> {
    const proposals = await ctx.proposals.list({ status, departmentId, limit: proposalListLimit });
    // Nested fields (tally, votes' proposal) load proposals by id: serve them from this read.
    for (const proposal of proposals) ctx.loaders.proposal.prime(proposal.id, proposal);
    return proposals;
  }

  @Query(() => Proposal, { nullable: true })
  proposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('id', () => ID) id: string,
  ): Promise<Proposal | null> {
    return ctx.loaders.proposal.load(id);
  }

  @Mutation(() => Proposal, {
    description: "Opens a proposal; the department's agents become its stakeholders",
  })
  openProposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('input', () => OpenProposalInput) input: OpenProposalInput,
  ): Promise<Proposal> {
    return openProposal(ctx, input);
  }

  @Mutation(() => Proposal, {
    description: 'Closes an open proposal with the outcome of its votes',
  })
  closeProposal(@Ctx() ctx: DecisionsContext, @Arg('id', () => ID) id: string): Promise<Proposal> {
    return closeProposal(ctx, id);
  }

  @FieldResolver(() => Department)
  department(@Root() proposal: Proposal): Department {
    return { id: proposal.departmentId };
  }

  @FieldResolver(() => [Agent], { description: 'The agents entitled to vote, fixed at opening' })
  async stakeholders(@Root() proposal: Proposal, @Ctx() ctx: DecisionsContext): Promise<Agent[]> {
    const stakeholders = await ctx.loaders.stakeholdersByProposal.load(proposal.id);
    return stakeholders.map((stakeholder) => ({ id: stakeholder.agentId }));
  }

  @FieldResolver(() => [Vote], { description: 'Current first-round votes, in the order accepted' })
  votes(@Root() proposal: Proposal, @Ctx() ctx: DecisionsContext): Promise<Vote[]> {
    return ctx.loaders.votesByProposal.load(proposal.id);
  }

  @FieldResolver(() => VoteTally)
  tally(@Root() proposal: Proposal, @Ctx() ctx: DecisionsContext): Promise<VoteTally> {
    return readTally(ctx, proposal.id);
  }
}

/** Federation: other subgraphs reference proposals by id. Unknown ids resolve to null. */
export function resolveProposalReference(
  reference: { id: string },
  ctx: DecisionsContext,
): Promise<Proposal | null> {
  return ctx.loaders.proposal.load(reference.id);
}
