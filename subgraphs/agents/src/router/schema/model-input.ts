import { Field, Float, InputType, Int } from 'type-graphql';
import { ModelFeatureValue, TaskTypeValue } from './router-enums.js';

@InputType({ description: 'A model on an OpenAI-compatible endpoint' })
export class ModelInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  baseUrl!: string;

  @Field(() => String)
  upstreamModel!: string;

  @Field(() => String, { nullable: true, description: 'Stored, never returned or logged' })
  apiKey?: string | undefined;

  /* jscpd:ignore-start: the input names the fields of the Model it creates */
  @Field(() => Float)
  inputUsdPerMTok!: number;

  @Field(() => Float)
  outputUsdPerMTok!: number;

  @Field(() => Int)
  contextWindow!: number;
  /* jscpd:ignore-end */

  @Field(() => [TaskTypeValue], { nullable: true })
  taskTypes?: TaskTypeValue[] | undefined;

  @Field(() => [ModelFeatureValue], { nullable: true })
  features?: ModelFeatureValue[] | undefined;

  @Field(() => Int, { nullable: true })
  requestsPerMinute?: number | undefined;

  @Field(() => Int, { nullable: true })
  tokensPerMinute?: number | undefined;

  @Field(() => Int, { nullable: true })
  timeoutMs?: number | undefined;

  @Field(() => Float, { nullable: true, description: 'Expected quality before evidence (0–1)' })
  priorQuality?: number | undefined;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | undefined;
}
