import type {
  Exclusion,
  HealthState,
  LoadState,
  ModelSpec,
  RouteRequest,
  TaskClassification,
  TaskType,
} from '../contracts.js';

/** Tokens a request is expected to use, from its classification and `maxOutputTokens`. */
export interface TokenEstimate {
  readonly input: number;
  /** Expected completion tokens, for cost. */
  readonly output: number;
  /** Completion tokens the context window must leave room for (the cap when one is set). */
  readonly outputReserve: number;
}

export function estimateTokens(
  request: RouteRequest,
  classification: TaskClassification,
): TokenEstimate {
  const input = Math.max(0, classification.estimatedInputTokens);
  const estimated = Math.max(0, classification.estimatedOutputTokens);
  const cap = request.maxOutputTokens;
  return {
    input,
    output: cap !== undefined ? Math.min(cap, estimated) : estimated,
    outputReserve: cap ?? estimated,
  };
}

/** Estimated tokens × list prices (USD per million tokens). */
export function expectedCostUsd(spec: ModelSpec, tokens: TokenEstimate): number {
  return (tokens.input * spec.inputUsdPerMTok + tokens.output * spec.outputUsdPerMTok) / 1e6;
}

/** Share (0–1) of the tighter of a model's per-minute limits this call would bring it to. */
export function rateLimitUse(spec: ModelSpec, load: LoadState, tokens: TokenEstimate): number {
  const requests =
    spec.requestsPerMinute === null ? 0 : (load.requestsLastMinute + 1) / spec.requestsPerMinute;
  const callTokens = tokens.input + tokens.output;
  const tokenUse =
    spec.tokensPerMinute === null ? 0 : (load.tokensLastMinute + callTokens) / spec.tokensPerMinute;
  return Math.max(requests, tokenUse);
}

/**
 * Why a model cannot take a request regardless of its quality or price — the reasons that make
 * `NoModelAvailableError` when no model is left — or null when it can.
 */
export function availabilityExclusion(
  spec: ModelSpec,
  taskType: TaskType,
  request: RouteRequest,
  tokens: TokenEstimate,
  load: LoadState,
  health: HealthState,
): Exclusion | null {
  if (!spec.enabled) return 'DISABLED';
  if (spec.taskTypes.length > 0 && !spec.taskTypes.includes(taskType)) {
    return 'TASK_TYPE_NOT_OFFERED';
  }
  for (const feature of request.requiredFeatures ?? []) {
    if (!spec.features.includes(feature)) return 'FEATURE_MISSING';
  }
  if (spec.contextWindow < tokens.input + tokens.outputReserve) return 'CONTEXT_TOO_SMALL';
  if (health.circuit === 'open') return 'CIRCUIT_OPEN';
  if (rateLimitUse(spec, load, tokens) > 1) return 'RATE_LIMITED';
  return null;
}
