import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AlertState } from '../domain/alert-state.js';
import { Severity } from '../domain/alert-rules.js';

export const AlertSeverity = { CRITICAL: 'critical', WARNING: 'warning', INFO: 'info' } as const;
export type AlertSeverity = (typeof AlertSeverity)[keyof typeof AlertSeverity];

registerEnumType(AlertState, {
  name: 'AlertState',
  description: 'PENDING: the condition holds, not yet for long enough; FIRING; RESOLVED',
});
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

// The GraphQL enum's values are the rule file's severity labels.
export const severityOf: Record<string, AlertSeverity> = Severity;

@ObjectType({ description: "A change of an alert's state, as the evaluator stored it" })
export class AlertTransition {
  @Field(() => ID)
  id!: string;

  @Field(() => AlertState, { nullable: true, description: 'Null when the alert first appeared' })
  fromState!: AlertState | null;

  @Field(() => AlertState)
  toState!: AlertState;

  @Field(() => Float, { description: "The rule expression's value at the change" })
  value!: number;

  @Field(() => Date)
  at!: Date;

  alertId!: string;
}

@ObjectType({
  description:
    'One alert of an alerting rule (observability/prometheus/rules): a label set for which the ' +
    "rule's expression holds or held",
})
@Directive('@key(fields: "id")')
export class Alert {
  @Field(() => ID, { description: 'Stable for the same rule and labels' })
  id!: string;

  @Field(() => String, { description: 'The alerting rule, e.g. "ResponseTimeHigh"' })
  rule!: string;

  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field(() => AlertState)
  state!: AlertState;

  @Field(() => GraphQLJSONObject, { description: "The alert's labels (with alertname)" })
  labels!: Record<string, string>;

  @Field(() => GraphQLJSONObject, { description: 'Summary and other annotations' })
  annotations!: Record<string, string>;

  @Field(() => Float, { description: "The expression's value at the last change" })
  value!: number;

  @Field(() => Date, { description: 'Since when the condition holds (this episode)' })
  activeAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType({ description: 'A state change of an alert, with the alert as it is now' })
export class AlertUpdate {
  @Field(() => AlertTransition)
  transition!: AlertTransition;

  @Field(() => Alert)
  alert!: Alert;
}
