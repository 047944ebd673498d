/**
 * The router's shared vocabulary: what a model is, what a task is, what a selection and a call
 * outcome look like. Pure types and constants; every module of the router speaks them.
 */

/** The task types the router tells apart (issue 5). */
export const TASK_TYPES = [
  'analysis',
  'creative',
  'code',
  'summarisation',
  'extraction',
  'planning',
  'classification',
  'conversation',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export function isTaskType(value: string): value is TaskType {
  return (TASK_TYPES as readonly string[]).includes(value);
}

/** Optional features a request may need and a model may offer. */
export const MODEL_FEATURES = ['streaming', 'json', 'tools', 'vision'] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/** One model on one endpoint: what the registry holds. */
export interface ModelSpec {
  /** Unique name the platform knows the model by, e.g. `gpt-4o-mini@openai`. */
  readonly name: string;
  /** `openai-compatible` is called at `baseURL` through the openai client; `offline` answers locally. */
  readonly kind: 'openai-compatible' | 'offline';
  /** The endpoint (`https://api.openai.com/v1`, `http://localhost:11434/v1` …); null for offline. */
  readonly baseURL: string | null;
  /** The model id sent upstream (`gpt-4o-mini`, `llama3.1:8b` …). */
  readonly upstreamModel: string;
  /** Secret. Never returned by the API, never logged. */
  readonly apiKey: string | null;
  /** US dollars per million input tokens. */
  readonly inputUsdPerMTok: number;
  /** US dollars per million output tokens. */
  readonly outputUsdPerMTok: number;
  /** Tokens of prompt plus completion the model accepts. */
  readonly contextWindow: number;
  /** Task types the model is offered for; empty means every type. */
  readonly taskTypes: readonly TaskType[];
  readonly features: readonly ModelFeature[];
  /** Provider limits; null when unlimited. */
  readonly requestsPerMinute: number | null;
  readonly tokensPerMinute: number | null;
  readonly enabled: boolean;
  /**
   * Quality expected before any evidence (0–1), e.g. from published benchmark scores; per task
   * type, with `default` for the rest. Missing means an uninformative prior.
   */
  readonly priorQuality: Readonly<Partial<Record<TaskType | 'default', number>>>;
  /** Per-attempt timeout in milliseconds. */
  readonly timeoutMs: number;
  /**
   * The profile of the prompt-quality model that predicts this model per prompt (issue 18), when
   * it is not `upstreamModel` itself: e.g. a GPT-4-class model as `gpt-4-1106-preview`.
   */
  readonly promptProfile?: string | undefined;
  /** Set on the model that judges answers (issue 18): it is then a judge, never routed to. */
  readonly judge?: JudgeSettings | undefined;
}

/** What the classifier says of a task. */
export interface TaskClassification {
  readonly taskType: TaskType;
  /** 0 (trivial) to 1 (hard). */
  readonly complexity: number;
  /** How sure the classifier is of `taskType` (0–1). */
  readonly confidence: number;
  /** Human-readable evidence, e.g. `imperative verb "summarise"`, `code fence`. */
  readonly signals: readonly string[];
  /** Estimated prompt tokens (text plus context). */
  readonly estimatedInputTokens: number;
  /** Estimated completion tokens. */
  readonly estimatedOutputTokens: number;
  readonly method: 'offline' | 'llm';
}

/** What a caller asks the router to route. */
export interface RouteRequest {
  readonly text: string;
  readonly context?: string | undefined;
  /** Skips classification of the type (complexity is still estimated). */
  readonly taskType?: TaskType | undefined;
  /** Minimum expected quality (0–1) the chosen model must reach. */
  readonly qualityRequirement?: number | undefined;
  /** Most the call may cost, in US dollars (estimated from token counts and prices). */
  readonly maxCostUsd?: number | undefined;
  /**
   * How much the caller will pay for quality, 0–1 (see `willingnessScale`): 0.5 or unset keeps the
   * deployment's trade-off, higher picks stronger (dearer) models more often, lower cheaper ones.
   */
  readonly willingnessToPay?: number | undefined;
  readonly maxOutputTokens?: number | undefined;
  readonly requiredFeatures?: readonly ModelFeature[] | undefined;
}

/** Current use of a model against its rate limits. */
export interface LoadState {
  readonly requestsLastMinute: number;
  readonly tokensLastMinute: number;
  readonly inFlight: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/** Health as the executor sees it. */
export interface HealthState {
  readonly circuit: CircuitState;
  /** Share of the recent attempts that failed (0–1). */
  readonly recentErrorRate: number;
}

/** Why a candidate cannot be chosen. */
export type Exclusion =
  | 'DISABLED'
  | 'TASK_TYPE_NOT_OFFERED'
  | 'FEATURE_MISSING'
  | 'CONTEXT_TOO_SMALL'
  | 'CIRCUIT_OPEN'
  | 'RATE_LIMITED'
  | 'OVER_BUDGET'
  | 'BELOW_QUALITY';

/** One candidate's scores, as shown in a selection's reasoning. */
export interface CandidateScore {
  readonly model: string;
  readonly eligible: boolean;
  readonly exclusion: Exclusion | null;
  /** Posterior mean quality (0–1) for this task type. */
  readonly expectedQuality: number;
  /** Posterior standard deviation: how little is known. */
  readonly qualityStdDev: number;
  /** The exploration draw (Thompson sample or upper bound) the ranking used. */
  readonly sampledQuality: number;
  readonly expectedCostUsd: number;
  /** 0–1, higher is cheaper relative to the other candidates. */
  readonly costScore: number;
  /** 0–1, higher has more headroom under its rate limits. */
  readonly loadScore: number;
  /** 0–1, from circuit state and recent error rate. */
  readonly healthScore: number;
  /** The composite the ranking used (eligible candidates only; 0 otherwise). */
  readonly score: number;
}

/** The router's answer: a model, how sure it is, why, and what to try next. */
export interface Selection {
  readonly model: string;
  /** Estimated probability (0–1) that `model` is the best eligible choice. */
  readonly confidence: number;
  readonly reasoning: string;
  /** Every candidate, best first (ineligible ones last, with their exclusion). */
  readonly candidates: readonly CandidateScore[];
  /** Eligible models to try, in order, if `model` fails. */
  readonly fallbacks: readonly string[];
  readonly classification: TaskClassification;
}

/** Weights of the composite score; they sum to 1. */
export interface SelectionWeights {
  readonly quality: number;
  readonly cost: number;
  readonly load: number;
  readonly health: number;
}

/** How a provider call failed, which decides retry and fallback. */
export const PROVIDER_ERROR_KINDS = [
  'rate_limited',
  'server_error',
  'timeout',
  'context_length',
  'content_filter',
  'bad_response',
  'network',
  'auth',
  'bad_request',
  'circuit_open',
  'aborted',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

/** One attempt's result, fed to the tracker, breaker, load window and drift detectors. */
export interface CallOutcome {
  readonly model: string;
  readonly taskType: TaskType;
  readonly at: Date;
  readonly ok: boolean;
  readonly errorKind: ProviderErrorKind | null;
  readonly latencyMs: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  /** Quality signal (0–1) when one is known: automatic checks or explicit feedback. */
  readonly quality: number | null;
  /** Where `quality` came from, which sets how much it counts (`SIGNAL_TRUST`); automatic unless told. */
  readonly qualitySource?: QualitySignalSource | undefined;
}

/**
 * Sources of quality signals (issue 18): the automatic checks of an answer, an LLM judge, the
 * outcome of the agent's task or of the CMP decision the answer served, and explicit feedback.
 */
export const QUALITY_SIGNAL_SOURCES = [
  'automatic',
  'judge',
  'task',
  'decision',
  'feedback',
] as const;
export type QualitySignalSource = (typeof QUALITY_SIGNAL_SOURCES)[number];

/** A model used as the LLM judge: the share of answers it scores and its own spending cap. */
export interface JudgeSettings {
  /** Share of answered calls (0–1) the judge scores. */
  readonly sampleRate: number;
  /** Most the judge may spend in any hour, US dollars. */
  readonly maxUsdPerHour: number;
}

/** Per (model, task type) performance over the sliding window (`routingStats`). */
export interface ModelTaskStats {
  readonly model: string;
  readonly taskType: TaskType;
  readonly windowStart: Date;
  readonly calls: number;
  readonly errors: number;
  readonly errorRate: number;
  /** Mean of the quality signals in the window; null with none. */
  readonly meanQuality: number | null;
  readonly qualitySignals: number;
  /** Posterior the selection uses (discounted on drift). */
  readonly posteriorMean: number;
  readonly posteriorStdDev: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** A drift detector fired. */
export interface DriftEvent {
  readonly model: string;
  readonly taskType: TaskType;
  readonly metric: 'quality' | 'latency';
  readonly direction: 'worse' | 'better';
  /** Observations the detector had seen for this pair when it fired. */
  readonly observations: number;
  /** The detector statistic and threshold at the time, for the evidence. */
  readonly statistic: number;
  readonly threshold: number;
  readonly at: Date;
}

/** A chat message in a completion request. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface CompletionRequest {
  readonly messages: readonly ChatMessage[];
  readonly maxOutputTokens?: number | undefined;
  /** 0 (with no seed) makes the request deterministic, so it may be answered from the cache. */
  readonly temperature?: number | undefined;
  readonly responseFormat?: 'text' | 'json' | undefined;
  /** Called with each streamed piece of text; a provider that cannot stream calls it once. */
  readonly onDelta?: ((text: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * The routed call's idempotency key: sent as `Idempotency-Key` (with the model's name, one key
   * per model), so a provider or gateway that honours it answers a call sent again after its
   * caller died from the first, instead of generating twice.
   */
  readonly idempotencyKey?: string | undefined;
}

export interface CompletionResult {
  readonly text: string;
  /** The registry name of the model that answered. */
  readonly model: string;
  readonly finishReason: 'stop' | 'length' | 'content_filter' | 'other';
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly latencyMs: number;
  readonly cached: boolean;
}

/** Something that answers completion requests for the models of one kind. */
export interface Provider {
  readonly kind: ModelSpec['kind'];
  complete(spec: ModelSpec, request: CompletionRequest): Promise<CompletionResult>;
}
