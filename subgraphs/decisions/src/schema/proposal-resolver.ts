import { BadInputError } from '@daena/platform';
import { Arg, Ctx, GraphQLISODateTime, ID, Mutation, Query, Resolver } from 'type-graphql';
import { closeProposal } from '../operations/close-proposal.js';
import { createProposal } from '../operations/create-proposal.js';
import { escalateProposal } from '../operations/escalate-proposal.js';
import { createAndOpenProposal, openProposal } from '../operations/open-proposal.js';
import { recordOutcome } from '../operations/record-outcome.js';
import { vetoProposal } from '../operations/veto-proposal.js';
import { withdrawProposal } from '../operations/withdraw-proposal.js';
import type { DecisionsContext } from '../request/context.js';
import { Outcome, ProposalStatus } from './enums.js';
import { CreateProposalInput, OpenProposalInput } from './inputs.js';
import { Proposal } from './proposal-types.js';

/** A list query never returns more than this many proposals (no pagination yet). */
const proposalListLimit = 100;

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => [Proposal], {
    description:
      'Proposals, newest first (at most 100); by department: those affecting it. With closedSince: those closed at or after it, in the order they closed (pass the last one’s closedAt for the next page)',
  })
  async proposals(
    @Ctx() ctx: DecisionsContext,
    @Arg('status', () => ProposalStatus, { nullable: true }) status?: ProposalStatus,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('closedSince', () => GraphQLISODateTime, { nullable: true }) closedSince?: Date,
  ): Promise<Proposal[]> {
    const proposals = await ctx.proposals.list({
      status,
      departmentId,
      closedSince,
      limit: proposalListLimit,
    });
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
    description: 'Creates a DRAFT proposal: nobody votes until it opens',
  })
  createProposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('input', () => CreateProposalInput) input: CreateProposalInput,
  ): Promise<Proposal> {
    return createProposal(ctx, input);
  }

  @Mutation(() => Proposal, {
    description:
      'Opens a draft (`id`), or creates and opens one (`input`): computes its threshold and weighted stakeholders, opens round 1 and asks the stakeholders for their votes',
  })
  openProposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('input', () => OpenProposalInput, { nullable: true }) input?: OpenProposalInput,
  ): Promise<Proposal> {
    if ((id === undefined || id === null) === (input === undefined || input === null)) {
      throw new BadInputError('Pass exactly one of id (a draft) and input', 'ID_OR_INPUT');
    }
    return input ? createAndOpenProposal(ctx, input) : openProposal(ctx, id as string);
  }

  @Mutation(() => Proposal, {
    description:
      'Closes an open proposal now (executives): its round decides with the votes cast, no further round',
  })
  closeProposal(@Ctx() ctx: DecisionsContext, @Arg('id', () => ID) id: string): Promise<Proposal> {
    return closeProposal(ctx, id);
  }

  @Mutation(() => Proposal, { description: 'An executive rejects an open proposal, with a reason' })
  vetoProposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<Proposal> {
    return vetoProposal(ctx, id, reason);
  }

  @Mutation(() => Proposal, {
    description: 'An executive hands an open proposal to a person (ESCALATED), with a reason',
  })
  escalateProposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<Proposal> {
    return escalateProposal(ctx, id, reason);
  }

  @Mutation(() => Proposal, { description: 'The requester or an admin withdraws a proposal' })
  withdrawProposal(
    @Ctx() ctx: DecisionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ): Promise<Proposal> {
    return withdrawProposal(ctx, id, reason);
  }

  @Mutation(() => Proposal, {
    description:
      'Records what really happened after a closed proposal (executives); it feeds the track records and thresholds of later proposals',
  })
  recordOutcome(
    @Ctx() ctx: DecisionsContext,
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('outcome', () => Outcome) outcome: Outcome,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<Proposal> {
    return recordOutcome(ctx, proposalId, outcome, note);
  }
}

/** Federation: other subgraphs reference proposals by id. Unknown ids resolve to null. */
export function resolveProposalReference(
  reference: { id: string },
  ctx: DecisionsContext,
): Promise<Proposal | null> {
  return ctx.loaders.proposal.load(reference.id);
}
