import { BusSubscription, NotFoundError } from '@daena/platform';
import { Events } from '@daena/contracts';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { DecisionsContext } from '../request/context.js';
import { toTransition } from './proposal-fields-resolver.js';
import { Proposal, ProposalTransition } from './proposal-types.js';

@Resolver(() => ProposalTransition)
export class ProposalUpdatesResolver {
  @Query(() => ProposalTransition, {
    nullable: true,
    description:
      'Query twin of Subscription.proposalUpdates: transition `transitionId` (of proposal `proposalId`, if given); used by the gateway bridge',
  })
  async proposalUpdates(
    @Ctx() ctx: DecisionsContext,
    @Arg('transitionId', () => ID) transitionId: string,
    @Arg('proposalId', () => ID, { nullable: true }) proposalId?: string,
  ): Promise<ProposalTransition | null> {
    const transition = await ctx.loaders.transition.load(transitionId);
    if (!transition || (proposalId && transition.proposalId !== proposalId)) return null;
    return toTransition(transition);
  }

  /**
   * Subgraphs never execute subscriptions: the field is here so it is in the composed supergraph.
   * The gateway bridge serves it: on each `decisions.proposal.transitioned` event it runs the
   * subscriber's selection as the twin `proposalUpdates(proposalId:, transitionId:)`.
   */
  @BusSubscription(() => ProposalTransition, {
    name: 'proposalUpdates',
    description:
      'Every transition of a proposal (or of all proposals): status changes and new rounds; served by the gateway bridge',
    event: Events.proposalTransitioned,
    twin: 'proposalUpdates',
    // One proposal's transitions, or every proposal's when no id is given.
    filter: { proposalId: 'proposalId' },
    twinArguments: { transitionId: 'transitionId' },
    // ProposalTransition reaches Proposal → votes and tally: the same sealed choices.
    visibility: 'sealedVotes',
  })
  proposalUpdatesSubscription(
    @Root() transition: ProposalTransition,
    @Arg('proposalId', () => ID, { nullable: true }) _proposalId?: string,
  ): ProposalTransition {
    return transition;
  }

  @FieldResolver(() => Proposal)
  async proposal(
    @Root() transition: ProposalTransition,
    @Ctx() ctx: DecisionsContext,
  ): Promise<Proposal> {
    const proposal = await ctx.loaders.proposal.load(transition.proposalId);
    if (!proposal) throw new NotFoundError('Proposal', transition.proposalId);
    return proposal;
  }
}
