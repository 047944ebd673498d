import { BusSubscription } from '@daena/platform';
import { Args, Resolver, Root } from 'type-graphql';
import { Events } from '@daena/contracts';
import { AlertFilterArgs } from './alert-args.js';
import { AlertUpdate } from './alert-types.js';

/**
 * Subgraphs never execute subscriptions: this field puts `Subscription.alertUpdates` and its
 * `@busEvent` route into the supergraph. On each `metrics.alert.transitioned` event whose state
 * and severity match, the gateway's bridge runs the subscriber's selection as the query twin
 * `alertUpdate(transitionId: event.data.transitionId, …)`.
 */
@Resolver()
export class AlertUpdatesSubscriptionResolver {
  @BusSubscription(() => AlertUpdate, {
    description:
      'Every alert state change (PENDING, FIRING, RESOLVED) as the embedded evaluator stores it, ' +
      'optionally of one state and severity; served by the gateway bridge',
    event: Events.alertTransitioned,
    twin: 'alertUpdate',
    filter: { state: 'state', severity: 'severity' },
    twinArguments: { transitionId: 'transitionId' },
    // Alerts are public: every subscriber of the same operation shares one execution per event.
    visibility: 'sameForEveryone',
  })
  alertUpdates(
    @Root() update: AlertUpdate,
    @Args(() => AlertFilterArgs) _filter: AlertFilterArgs,
  ): AlertUpdate {
    return update;
  }
}
