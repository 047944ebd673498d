import {
  Arg,
  Ctx,
  Field,
  Float,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import type { MetricsContext } from '../../schema/context.js';
import { KpiGoal, KpiStatus } from '../domain/kpi.js';
import { readKpis } from '../operations/read-kpis.js';

const KpiGoalEnum = { ABOVE: KpiGoal.ABOVE, BELOW: KpiGoal.BELOW } as const;
registerEnumType(KpiGoalEnum, {
  name: 'KpiGoal',
  description: 'Whether the value must stay above or below its target',
});
registerEnumType(KpiStatus, {
  name: 'KpiStatus',
  description: 'OK, BREACHED, or NO_DATA when nothing was measured yet',
});

@ObjectType({ description: "One of the design document's KPIs, measured now" })
export class Kpi {
  @Field(() => String, { description: 'e.g. response_time_p95_seconds' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Null when nothing was measured yet' })
  value!: number | null;

  @Field(() => Float)
  target!: number;

  @Field(() => KpiGoalEnum)
  goal!: KpiGoal;

  @Field(() => String, { description: 'seconds, ratio or usd' })
  unit!: string;

  @Field(() => KpiStatus)
  status!: KpiStatus;
}

@Resolver()
export class KpiResolver {
  @Query(() => [Kpi], {
    description:
      "The design document's KPIs (p95 response time, agent success, CMP consensus, error rate, " +
      'cost per decision, routing efficiency, uptime) over the stored series, with their targets',
  })
  kpis(
    @Ctx() ctx: MetricsContext,
    @Arg('at', () => Date, { nullable: true, description: 'When; now by default' })
    at?: Date | null,
  ): Promise<Kpi[]> {
    return readKpis(ctx.series, ctx.kpis, at ?? new Date());
  }
}
