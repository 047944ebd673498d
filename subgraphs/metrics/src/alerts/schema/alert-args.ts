import { ArgsType, Field, ID, Int } from 'type-graphql';
import { AlertState } from '../domain/alert-state.js';
import { AlertSeverity } from './alert-types.js';

/** How many alerts one `alerts` call returns at most. */
export const alertLimit = { default: 100, min: 1, max: 500 } as const;

@ArgsType()
export class AlertFilterArgs {
  @Field(() => AlertState, { nullable: true, description: 'Only alerts in this state' })
  state?: AlertState | null;

  @Field(() => AlertSeverity, { nullable: true, description: 'Only alerts of this severity' })
  severity?: AlertSeverity | null;
}

@ArgsType()
export class AlertsArgs extends AlertFilterArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: alertLimit.default,
    description: `How many alerts, from ${alertLimit.min} to ${alertLimit.max}`,
  })
  limit?: number | null;
}

@ArgsType()
export class AlertUpdateArgs extends AlertFilterArgs {
  @Field(() => ID, { description: 'The stored transition (from the alertUpdates event)' })
  transitionId!: string;
}
