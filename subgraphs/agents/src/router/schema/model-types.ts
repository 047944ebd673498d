import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  CircuitStateValue,
  ModelFeatureValue,
  ModelKindValue,
  ModelSourceValue,
  TaskTypeValue,
} from './router-enums.js';

@ObjectType({ description: 'Expected quality before evidence, for one task type (or DEFAULT)' })
export class PriorQuality {
  @Field(() => String, { description: 'A task type in lower case, or `default`' })
  taskType!: string;

  @Field(() => Float)
  quality!: number;
}

@ObjectType()
export class ModelHealth {
  @Field(() => CircuitStateValue)
  circuit!: CircuitStateValue;

  @Field(() => Float, { description: 'Share of recent attempts that failed (0–1)' })
  recentErrorRate!: number;
}

@ObjectType({ description: "Use against the model's rate limits, in this replica" })
export class ModelLoad {
  @Field(() => Int)
  requestsLastMinute!: number;

  @Field(() => Int)
  tokensLastMinute!: number;

  @Field(() => Int)
  inFlight!: number;
}

@ObjectType({ description: 'A model in the router registry. Its API key is never returned' })
export class LlmModel {
  @Field(() => ID)
  name!: string;

  @Field(() => ModelKindValue)
  kind!: ModelKindValue;

  @Field(() => String, { nullable: true })
  baseUrl!: string | null;

  @Field(() => String)
  upstreamModel!: string;

  @Field(() => Boolean, {
    description: 'Whether a key is configured (the key itself never is shown)',
  })
  hasApiKey!: boolean;

  @Field(() => Float)
  inputUsdPerMTok!: number;

  @Field(() => Float)
  outputUsdPerMTok!: number;

  @Field(() => Int)
  contextWindow!: number;

  @Field(() => [TaskTypeValue], { description: 'Empty: offered for every task type' })
  taskTypes!: TaskTypeValue[];

  @Field(() => [ModelFeatureValue])
  features!: ModelFeatureValue[];

  @Field(() => Int, { nullable: true })
  requestsPerMinute!: number | null;

  @Field(() => Int, { nullable: true })
  tokensPerMinute!: number | null;

  @Field(() => Int)
  timeoutMs!: number;

  @Field(() => [PriorQuality])
  priorQuality!: PriorQuality[];

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => ModelSourceValue)
  source!: ModelSourceValue;

  @Field(() => Int, { description: 'Moves with every change; updateModel expects the current one' })
  version!: number;

  @Field(() => ModelHealth)
  health!: ModelHealth;

  @Field(() => ModelLoad)
  load!: ModelLoad;
}
