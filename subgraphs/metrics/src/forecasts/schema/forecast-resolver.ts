import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import type { MetricsContext } from '../../schema/context.js';
import { ForecastMethod, forecastLimits } from '../domain/forecast-plan.js';
import { forecastSeries } from '../operations/forecast-series.js';

registerEnumType(ForecastMethod, {
  name: 'ForecastMethod',
  description:
    'HOLT_WINTERS (additive, daily season) when two days of history exist, else HOLT (linear trend)',
});

@ArgsType()
export class ForecastArgs {
  @Field(() => String, {
    description:
      'A metric name or PromQL expression, as for `series`, e.g. "sum(rate(router_cost_usd_total[5m]))"',
  })
  metric!: string;

  @Field(() => Int, {
    description: `Seconds ahead to forecast; at most ${forecastLimits.maxHorizonPoints} steps`,
  })
  horizon!: number;

  @Field(() => Int, { description: 'Seconds between points, of the history and the forecast' })
  step!: number;

  @Field(() => Date, { nullable: true, description: 'Forecast from this instant; now by default' })
  at?: Date | null;
}

@ObjectType({ description: 'One forecast point with its prediction interval' })
export class ForecastPoint {
  @Field(() => Date)
  at!: Date;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, {
    description: `Lower bound of the ${forecastLimits.coverage * 100}% prediction interval`,
  })
  lower!: number;

  @Field(() => Float, {
    description: `Upper bound of the ${forecastLimits.coverage * 100}% prediction interval`,
  })
  upper!: number;
}

@ObjectType({ description: 'The forecast of one series of the expression' })
export class SeriesForecastResult {
  @Field(() => GraphQLJSONObject)
  labels!: Record<string, string>;

  @Field(() => ForecastMethod)
  method!: ForecastMethod;

  @Field(() => Int, { description: 'Past points, one a step, the model was fitted on' })
  historyPoints!: number;

  @Field(() => [ForecastPoint])
  points!: ForecastPoint[];
}

@Resolver()
export class ForecastResolver {
  @Query(() => [SeriesForecastResult], {
    description:
      'A metric (or expression) forecast `horizon` seconds ahead from its stored history, with ' +
      '95% prediction intervals: LLM cost, request rate, agent call latency…',
  })
  async forecast(
    @Ctx() ctx: MetricsContext,
    @Args(() => ForecastArgs) { metric, horizon, step, at }: ForecastArgs,
  ): Promise<SeriesForecastResult[]> {
    const result = await forecastSeries(ctx.series, metric, {
      at: at ?? new Date(),
      horizonSeconds: horizon,
      stepSeconds: step,
    });
    return result.map((series) => ({
      labels: { ...series.labels },
      method: series.method,
      historyPoints: series.historyPoints,
      points: series.points.map((point) => ({
        at: new Date(point.at),
        value: point.value,
        lower: point.lower,
        upper: point.upper,
      })),
    }));
  }
}
