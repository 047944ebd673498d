import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  Float,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { MetricsContext } from '../../schema/context.js';
import { rangeLimits } from '../domain/range-query.js';
import { querySeries } from '../operations/query-series.js';

@InputType({ description: 'A closed time range' })
export class TimeRangeInput {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}

@ArgsType()
export class SeriesArgs {
  @Field(() => String, {
    description:
      'A metric name or PromQL expression (the subset the alert rules use), e.g. ' +
      '"sum by (service) (rate(graphql_requests_total[5m]))"',
  })
  metric!: string;

  @Field(() => TimeRangeInput)
  range!: TimeRangeInput;

  @Field(() => Int, {
    description: `Seconds between points; at most ${rangeLimits.maxPoints} points per series`,
  })
  step!: number;
}

@ObjectType({ description: 'One point of a series' })
export class SeriesPoint {
  @Field(() => Date)
  at!: Date;

  @Field(() => Float)
  value!: number;
}

@ObjectType({ description: 'One series of a range query: its labels and points' })
export class SeriesResult {
  @Field(() => GraphQLJSONObject)
  labels!: Record<string, string>;

  @Field(() => [SeriesPoint])
  points!: SeriesPoint[];
}

@Resolver()
export class SeriesResolver {
  @Query(() => [SeriesResult], {
    description:
      'A metric (or expression) over time from the stored, scraped series: what the web ' +
      "dashboard's panels plot (observability/grafana holds the same panels for Grafana)",
  })
  async series(
    @Ctx() ctx: MetricsContext,
    @Args(() => SeriesArgs) { metric, range, step }: SeriesArgs,
  ): Promise<SeriesResult[]> {
    const result = await querySeries(ctx.series, metric, range, step);
    return result.map((series) => ({
      labels: { ...series.labels },
      // NaN (a 0/0 ratio, a quantile of nothing) has no JSON form: such instants have no point.
      points: series.points
        .filter(([, value]) => Number.isFinite(value))
        .map(([at, value]) => ({ at: new Date(at), value })),
    }));
  }
}
