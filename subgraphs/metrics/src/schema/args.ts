import { ArgsType, Field, Int } from 'type-graphql';
import { sampleLimit } from '../domain/sample-query.js';

// Argument classes keep the SDL in declaration order (name, since, limit): parameter decorators
// would register them last-first.

@ArgsType()
export class MetricSummaryArgs {
  @Field(() => String, { description: 'The series, e.g. "decisions.votes_cast"' })
  name!: string;

  @Field(() => Date, { nullable: true, description: 'Only samples recorded from then on' })
  since?: Date | null;
}

@ArgsType()
export class MetricSamplesArgs extends MetricSummaryArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: sampleLimit.default,
    description: `How many samples, from ${sampleLimit.min} to ${sampleLimit.max}`,
  })
  limit?: number | null;
}
