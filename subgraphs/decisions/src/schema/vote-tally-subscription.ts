import { BusSubscription } from '@daena/platform';
import { Events } from '@daena/contracts';
import { Arg, ID, Resolver, Root } from 'type-graphql';
import { VoteTally } from './types.js';

/**
 * Subgraphs never execute subscriptions: this field exists so `Subscription.voteTally` and its
 * `@busEvent` route are part of the subgraph SDL and so of the composed supergraph. The gateway's
 * subscription bridge implements it (ARCHITECTURE §3): on each `decisions.vote.cast` event for
 * the proposal it runs the subscriber's selection as the query twin
 * `voteTally(proposalId:, asOfVote: event.data.voteId)`.
 */
@Resolver()
export class VoteTallySubscriptionResolver {
  @BusSubscription(() => VoteTally, {
    description:
      'Live tally of a proposal, one payload per accepted vote; served by the gateway bridge',
    event: Events.voteCast,
    twin: 'voteTally',
    filter: { proposalId: 'proposalId' },
    // The tally as of this vote: the payload shows the state the event announced.
    twinArguments: { asOfVote: 'voteId' },
    // VoteTally reaches Vote (lastVote, proposal.votes): sealed choices in a blind round.
    visibility: 'sealedVotes',
  })
  voteTally(@Root() tally: VoteTally, @Arg('proposalId', () => ID) _proposalId: string): VoteTally {
    return tally;
  }
}
