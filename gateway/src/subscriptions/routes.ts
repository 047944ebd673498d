import { type DomainEvent, type EventContract } from '@daena/platform';
import { Events } from '@daena/contracts';
import { byRoles, sameForEveryone, sealedVotes, type Visibility } from './visibility.js';

/**
 * How a subscription root field is served: which bus event drives it, which events concern a
 * given subscriber, and which arguments carry the event into the field's query twin.
 */
export interface SubscriptionRoute<T = unknown> {
  field: string;
  event: EventContract<T>;
  matches(args: Record<string, unknown>, event: DomainEvent<T>): boolean;
  /** Arguments added to the query twin, each read from the event. */
  twinArguments: Record<string, (event: DomainEvent<T>) => unknown>;
  /**
   * Which subscribers may share one execution per event (visibility.ts), derived from what the
   * resolvers reachable from the field's type check; unset: each identity executes its own.
   */
  visibility?: Visibility;
}

function route<T>(definition: SubscriptionRoute<T>): SubscriptionRoute {
  return definition as unknown as SubscriptionRoute;
}

export const subscriptionRoutes: readonly SubscriptionRoute[] = [
  route({
    field: 'voteTally',
    event: Events.voteCast,
    matches: (args, event) => event.data.proposalId === args['proposalId'],
    // The tally as of this vote: the payload shows the state the event announced.
    twinArguments: { asOfVote: (event) => event.data.voteId },
    // VoteTally reaches Vote (lastVote, proposal.votes): sealed choices in a blind round.
    visibility: sealedVotes,
  }),
  route({
    field: 'proposalUpdates',
    event: Events.proposalTransitioned,
    // One proposal's transitions, or every proposal's when no id is given.
    matches: (args, event) => !args['proposalId'] || args['proposalId'] === event.data.proposalId,
    twinArguments: { transitionId: (event) => event.data.transitionId },
    // ProposalTransition reaches Proposal → votes and tally: the same sealed choices.
    visibility: sealedVotes,
  }),
  route({
    field: 'agentActivity',
    event: Events.agentStatusChanged,
    matches: (args, event) =>
      !args['departmentId'] || args['departmentId'] === event.data.departmentId,
    twinArguments: { agentId: (event) => event.data.agentId },
    // The twin and every Agent/Department field check nothing about the caller.
    visibility: sameForEveryone,
  }),
  route({
    field: 'agentMessages',
    event: Events.agentMessageSent,
    // Only the recipients' subscribers; relays and the sender have their inbox listings.
    matches: (args, event) => event.data.recipientAgentIds.includes(String(args['agentId'])),
    twinArguments: { messageId: (event) => event.data.messageId },
    // No visibility: who may read an inbox depends on the agent's department (a lookup the
    // subgraph does: assertMayReadMessagesOf), and an inbox has a handful of readers to share.
  }),
  route({
    field: 'routerSelections',
    event: Events.routerSelectionMade,
    // One task type's selections, or every selection when no type is given. The argument is the
    // GraphQL enum name (CODE), the event carries the router's value (code).
    matches: (args, event) =>
      !args['taskType'] || String(args['taskType']).toLowerCase() === event.data.taskType,
    twinArguments: { decisionId: (event) => event.data.decisionId },
    // Readers by role (admin, executive, department lead); RoutingDecision checks nothing else.
    visibility: byRoles,
  }),
];

/**
 * A subscription root field the owning subgraph executes itself, forwarded as it is (see
 * `forward-subscription.ts`). For one caller's own work, not a fan-out of bus events: each
 * subscriber starts its own run, and leaving aborts it. The selection must stay within the
 * owning subgraph's types, as it does for `routeTaskStream`.
 */
export interface ForwardedSubscription {
  field: string;
  /** The subgraph's name in the supergraph. */
  subgraph: string;
}

export const forwardedSubscriptions: readonly ForwardedSubscription[] = [
  // The selection, the text as it is generated, resets and the final decision of one routed call.
  { field: 'routeTaskStream', subgraph: 'agents' },
];
