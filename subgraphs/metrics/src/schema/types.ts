import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Labels } from '../domain/samples-from-event.js';

@ObjectType({ description: 'One point of a metric series, recorded from a domain event' })
@Directive('@key(fields: "id")')
export class MetricSample {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The series, e.g. "decisions.votes_cast"' })
  name!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Dimensions of the sample, e.g. { proposalId, departmentId }',
  })
  labels!: Labels | null;

  @Field(() => Date, { description: 'When the event happened' })
  recordedAt!: Date;
}

@ObjectType({ description: 'Aggregates of one metric series over a time window' })
export class MetricSummary {
  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'How many samples; 0 for an unknown series' })
  count!: number;

  @Field(() => Float)
  sum!: number;

  @Field(() => Float, { nullable: true, description: 'Null when there are no samples' })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => Float, { nullable: true })
  avg!: number | null;

  @Field(() => Date, { nullable: true })
  firstRecordedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastRecordedAt!: Date | null;
}
