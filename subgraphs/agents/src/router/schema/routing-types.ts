import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CandidateExclusion, RoutingStatus, TaskTypeValue } from './router-enums.js';

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

  @Field(() => Float, {
    nullable: true,
    description:
      "How much this call may pay for quality, 0 to 1: 0.5 (or unset) keeps the deployment's trade-off, higher picks stronger (dearer) models more often, lower cheaper ones; 0 puts price first, 1 quality first (from the deployment's point, which its spend target moves). Outside 0–1: BAD_USER_INPUT, reason INVALID_ROUTE_REQUEST",
  })
  willingnessToPay?: number | undefined;

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
