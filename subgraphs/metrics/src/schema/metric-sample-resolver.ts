import { Args, Ctx, Query, Resolver } from 'type-graphql';
import {
  sampleLimit,
  validateSampleLimit,
  type MetricSummary as Summary,
} from '../domain/sample-query.js';
import { MetricSamplesArgs, MetricSummaryArgs } from './args.js';
import type { MetricsContext } from './context.js';
import { MetricSample, MetricSummary } from './types.js';

// Metrics are public in this foundation: every query here is open to anonymous callers.
@Resolver(() => MetricSample)
export class MetricSampleResolver {
  @Query(() => [MetricSample], {
    description: 'Samples of one series, newest first; an unknown series has none',
  })
  metricSamples(
    @Ctx() ctx: MetricsContext,
    @Args(() => MetricSamplesArgs) { name, since, limit }: MetricSamplesArgs,
  ): Promise<MetricSample[]> {
    const checked = validateSampleLimit(limit ?? sampleLimit.default);
    return ctx.samples.listByName(name, since ?? undefined, checked);
  }

  @Query(() => MetricSummary, {
    description: 'Count, sum, min, max and average of one series; zero for an unknown series',
  })
  metricSummary(
    @Ctx() ctx: MetricsContext,
    @Args(() => MetricSummaryArgs) { name, since }: MetricSummaryArgs,
  ): Promise<Summary> {
    return ctx.samples.summarize(name, since ?? undefined);
  }

  @Query(() => [String], { description: 'Every series that has samples, sorted' })
  metricNames(@Ctx() ctx: MetricsContext): Promise<string[]> {
    return ctx.samples.names();
  }
}

/** Federation: other subgraphs reference samples by id; batched per request. */
export function resolveMetricSampleReference(
  reference: { id: string },
  ctx: MetricsContext,
): Promise<MetricSample | null> {
  // An unknown id resolves to null, as the federation spec expects of _entities.
  return ctx.loaders.sample.load(reference.id);
}
