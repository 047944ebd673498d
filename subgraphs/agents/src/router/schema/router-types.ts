import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import type { ModelFeature, TaskType } from '../domain/contracts.js';

/**
 * GraphQL names of the router's task types; values are the router's own (TASK_TYPES: each one
 * exactly once, or this does not compile).
 */
export const TaskTypeValue = {
  ANALYSIS: 'analysis',
  CREATIVE: 'creative',
  CODE: 'code',
  SUMMARISATION: 'summarisation',
  EXTRACTION: 'extraction',
  PLANNING: 'planning',
  CLASSIFICATION: 'classification',
  CONVERSATION: 'conversation',
} as const satisfies { readonly [T in TaskType as Uppercase<T>]: T };
export type TaskTypeValue = (typeof TaskTypeValue)[keyof typeof TaskTypeValue];
registerEnumType(TaskTypeValue, {
  name: 'TaskType',
  description: 'What kind of work an LLM call does; the router tracks quality per type',
});

export const ModelFeatureValue = {
  STREAMING: 'streaming',
  JSON: 'json',
  TOOLS: 'tools',
  VISION: 'vision',
} as const satisfies { readonly [F in ModelFeature as Uppercase<F>]: F };
export type ModelFeatureValue = (typeof ModelFeatureValue)[keyof typeof ModelFeatureValue];
registerEnumType(ModelFeatureValue, { name: 'ModelFeature' });

export const ModelKindValue = {
  OPENAI_COMPATIBLE: 'openai-compatible',
  OFFLINE: 'offline',
} as const;
export type ModelKindValue = (typeof ModelKindValue)[keyof typeof ModelKindValue];
registerEnumType(ModelKindValue, {
  name: 'ModelKind',
  description: 'OPENAI_COMPATIBLE: any endpoint speaking the OpenAI API; OFFLINE: local templates',
});

export enum ModelSourceValue {
  CONFIG = 'CONFIG',
  ADMIN = 'ADMIN',
}
registerEnumType(ModelSourceValue, {
  name: 'ModelSource',
  description: 'CONFIG: from LLM_MODELS / LLM_MODELS_FILE (change it there); ADMIN: by mutations',
});

export const CircuitStateValue = {
  CLOSED: 'closed',
  OPEN: 'open',
  HALF_OPEN: 'half-open',
} as const;
export type CircuitStateValue = (typeof CircuitStateValue)[keyof typeof CircuitStateValue];
registerEnumType(CircuitStateValue, {
  name: 'CircuitState',
  description:
    'OPEN: calls skip the model until a cool-down passes; HALF_OPEN: one probe is let through',
});

export enum RoutingStatus {
  SELECTED = 'SELECTED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(RoutingStatus, {
  name: 'RoutingStatus',
  description: 'SELECTED: chosen, not (yet) called; SUCCEEDED / FAILED: how the call ended',
});

export enum CandidateExclusion {
  DISABLED = 'DISABLED',
  TASK_TYPE_NOT_OFFERED = 'TASK_TYPE_NOT_OFFERED',
  FEATURE_MISSING = 'FEATURE_MISSING',
  CONTEXT_TOO_SMALL = 'CONTEXT_TOO_SMALL',
  CIRCUIT_OPEN = 'CIRCUIT_OPEN',
  RATE_LIMITED = 'RATE_LIMITED',
  OVER_BUDGET = 'OVER_BUDGET',
  BELOW_QUALITY = 'BELOW_QUALITY',
}
registerEnumType(CandidateExclusion, { name: 'CandidateExclusion' });

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

@ObjectType({ description: 'What the classifier said of a task, and why' })
export class TaskClassificationView {
  @Field(() => TaskTypeValue)
  taskType!: TaskTypeValue;

  @Field(() => Float, { description: '0 (trivial) to 1 (hard)' })
  complexity!: number;

  @Field(() => Float)
  confidence!: number;

  @Field(() => [String])
  signals!: string[];

  @Field(() => Int)
  estimatedInputTokens!: number;

  @Field(() => Int)
  estimatedOutputTokens!: number;

  @Field(() => String, { description: '`offline` (NLP) or `llm` (LLM-assisted)' })
  method!: string;
}

@ObjectType({ description: "One candidate model's scores in a selection" })
export class CandidateScoreView {
  @Field(() => String)
  model!: string;

  @Field(() => Boolean)
  eligible!: boolean;

  @Field(() => CandidateExclusion, { nullable: true })
  exclusion!: CandidateExclusion | null;

  @Field(() => Float, { description: 'Posterior mean quality for the task type (0–1)' })
  expectedQuality!: number;

  @Field(() => Float, { description: 'Posterior standard deviation: how little is known' })
  qualityStdDev!: number;

  @Field(() => Float, { description: 'The exploration draw the ranking used' })
  sampledQuality!: number;

  @Field(() => Float)
  expectedCostUsd!: number;

  @Field(() => Float)
  costScore!: number;

  @Field(() => Float)
  loadScore!: number;

  @Field(() => Float)
  healthScore!: number;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ description: 'One call to one model while serving a routed task' })
export class RoutingAttemptView {
  @Field(() => String)
  model!: string;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'rate_limited, server_error, timeout, context_length, content_filter, bad_response, network, auth, bad_request, circuit_open or aborted',
  })
  errorKind!: string | null;

  @Field(() => Float)
  latencyMs!: number;

  @Field(() => Float)
  costUsd!: number;
}

@ObjectType({ description: 'A selection of the router, with its reasoning, and what the call did' })
export class RoutingDecision {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => TaskTypeValue)
  taskType!: TaskTypeValue;

  @Field(() => TaskClassificationView)
  classification!: TaskClassificationView;

  @Field(() => String, { description: 'The model chosen first' })
  model!: string;

  @Field(() => Float, { description: 'Estimated probability that the model is the best choice' })
  confidence!: number;

  @Field(() => String)
  reasoning!: string;

  @Field(() => [CandidateScoreView], { description: 'Every candidate, best first' })
  candidates!: CandidateScoreView[];

  @Field(() => [String], { description: 'Models tried next, in order, if the first fails' })
  fallbacks!: string[];

  @Field(() => RoutingStatus)
  status!: RoutingStatus;

  @Field(() => String, { nullable: true, description: 'The model that answered' })
  servedBy!: string | null;

  @Field(() => [RoutingAttemptView])
  attempts!: RoutingAttemptView[];

  @Field(() => Float, { nullable: true })
  latencyMs!: number | null;

  @Field(() => Float, { nullable: true })
  costUsd!: number | null;

  @Field(() => Int, { nullable: true })
  inputTokens!: number | null;

  @Field(() => Int, { nullable: true })
  outputTokens!: number | null;

  @Field(() => Float, { nullable: true, description: 'Automatic quality signal of the answer' })
  quality!: number | null;

  @Field(() => Float, { nullable: true, description: 'Explicit feedback (recordRoutingFeedback)' })
  feedback!: number | null;

  @Field(() => String, { nullable: true })
  errorReason!: string | null;
}

@ObjectType({ description: 'routeTask: the decision and, unless a dry run, the answer' })
export class RouteTaskResult {
  @Field(() => RoutingDecision)
  decision!: RoutingDecision;

  @Field(() => String, { nullable: true })
  answer!: string | null;
}

@ObjectType({ description: "One model's performance on one task type over the sliding window" })
export class RoutingStats {
  @Field(() => String)
  model!: string;

  @Field(() => TaskTypeValue)
  taskType!: TaskTypeValue;

  @Field(() => GraphQLISODateTime)
  windowStart!: Date;

  @Field(() => Int)
  calls!: number;

  @Field(() => Int)
  errors!: number;

  @Field(() => Float)
  errorRate!: number;

  @Field(() => Float, { nullable: true })
  meanQuality!: number | null;

  @Field(() => Int)
  qualitySignals!: number;

  @Field(() => Float, { description: 'What selection expects of the pair (posterior mean)' })
  posteriorMean!: number;

  @Field(() => Float)
  posteriorStdDev!: number;

  @Field(() => Float, { nullable: true })
  latencyP50Ms!: number | null;

  @Field(() => Float, { nullable: true })
  latencyP95Ms!: number | null;

  @Field(() => Float)
  costUsd!: number;

  @Field(() => Int)
  inputTokens!: number;

  @Field(() => Int)
  outputTokens!: number;
}

@InputType({ description: 'A task to route (and, unless dryRun, to run)' })
export class RouteTaskInput {
  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true })
  context?: string | undefined;

  @Field(() => TaskTypeValue, { nullable: true, description: 'Skips classifying the type' })
  taskType?: TaskTypeValue | undefined;

  @Field(() => Float, { nullable: true, description: 'Minimum expected quality (0–1)' })
  qualityRequirement?: number | undefined;

  @Field(() => Float, { nullable: true, description: 'Most the call may cost, in US dollars' })
  maxCostUsd?: number | undefined;

  @Field(() => Int, { nullable: true })
  maxOutputTokens?: number | undefined;

  @Field(() => Float, { nullable: true, description: '0 makes the call cacheable (7 days)' })
  temperature?: number | undefined;

  @Field(() => Boolean, { nullable: true, description: 'Ask for a JSON object' })
  json?: boolean | undefined;

  @Field(() => Boolean, { nullable: true, description: 'Only select; do not call the model' })
  dryRun?: boolean | undefined;

  @Field(() => Int, { nullable: true, description: 'Milliseconds the whole call may take' })
  deadlineMs?: number | undefined;
}

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
