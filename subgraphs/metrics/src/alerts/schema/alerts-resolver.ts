import { BadInputError } from '@daena/platform/domain';
import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AlertState } from '../domain/alert-state.js';
import type { MetricsContext } from '../../schema/context.js';
import type { AlertRecord } from '../store/alert-repository.js';
import { alertLimit, AlertsArgs, AlertUpdateArgs } from './alert-args.js';
import { Alert, AlertTransition, AlertUpdate, type AlertSeverity } from './alert-types.js';

function validateLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < alertLimit.min || limit > alertLimit.max) {
    throw new BadInputError(
      `limit must be an integer from ${alertLimit.min} to ${alertLimit.max}`,
      'LIMIT_OUT_OF_RANGE',
      { limit, ...alertLimit },
    );
  }
  return limit;
}

const toAlert = (record: AlertRecord): Alert => ({
  ...record,
  severity: record.severity as AlertSeverity,
});

// Alerts are public, as metrics are in this foundation.
@Resolver(() => Alert)
export class AlertsResolver {
  @Query(() => [Alert], {
    description:
      'Alerts of the embedded evaluator, most recently changed first, optionally of one state ' +
      'and severity (alerts(state: FIRING, severity: CRITICAL))',
  })
  async alerts(
    @Ctx() ctx: MetricsContext,
    @Args(() => AlertsArgs) { state, severity, limit }: AlertsArgs,
  ): Promise<Alert[]> {
    const rows = await ctx.alerts.list(
      { ...(state ? { state } : {}), ...(severity ? { severity } : {}) },
      validateLimit(limit ?? alertLimit.default),
    );
    return rows.map(toAlert);
  }

  @Query(() => AlertUpdate, {
    nullable: true,
    description:
      "One stored state change with its alert: alertUpdates' query twin; null for an unknown id " +
      'or one outside the state and severity asked for',
  })
  async alertUpdate(
    @Ctx() ctx: MetricsContext,
    @Args(() => AlertUpdateArgs) { transitionId, state, severity }: AlertUpdateArgs,
  ): Promise<AlertUpdate | null> {
    const transition = await ctx.alerts.transition(transitionId);
    if (!transition || (state && transition.toState !== state)) return null;
    const alert = await ctx.loaders.alert.load(transition.alertId);
    if (!alert || (severity && alert.severity !== severity)) return null;
    return { transition, alert: toAlert(alert) };
  }

  @FieldResolver(() => [AlertTransition], { description: 'Every state change, oldest first' })
  transitions(@Root() alert: Alert, @Ctx() ctx: MetricsContext): Promise<AlertTransition[]> {
    return ctx.loaders.alertTransitions.load(alert.id);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      'The state change that started the current firing (the last into FIRING); null when the ' +
      'alert is not firing. Read alone, without the whole history of transitions',
  })
  async firingTransitionId(
    @Root() alert: Alert,
    @Ctx() ctx: MetricsContext,
  ): Promise<string | null> {
    if (alert.state !== AlertState.FIRING) return null;
    return (await ctx.loaders.lastFiring.load(alert.id))?.transitionId ?? null;
  }
}

/** Federation: other subgraphs reference alerts by id; batched per request. */
export async function resolveAlertReference(
  reference: { id: string },
  ctx: MetricsContext,
): Promise<Alert | null> {
  const record = await ctx.loaders.alert.load(reference.id);
  return record ? toAlert(record) : null;
}
