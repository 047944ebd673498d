import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { Events } from '@daena/contracts';
import { VoteTally } from './types.js';

/**
 * Subgraphs never execute subscriptions: this field exists so `Subscription.voteTally` is part of
 * the subgraph SDL and so of the composed supergraph. The gateway's subscription bridge implements
 * it (ARCHITECTURE §3): on each `decisions.vote.cast` event it runs the subscriber's selection as
 * the query twin `voteTally(proposalId:, asOfVote: event.data.voteId)`.
 */
@Resolver()
export class VoteTallySubscriptionResolver {
  @Subscription(() => VoteTally, {
    topics: Events.voteCast.type,
    description:
      'Live tally of a proposal, one payload per accepted vote; served by the gateway bridge',
  })
  voteTally(@Root() tally: VoteTally, @Arg('proposalId', () => ID) _proposalId: string): VoteTally {
    return tally;
  }
}
