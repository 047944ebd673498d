import type { ModelSpec } from '../index.js';

/**
 * Models served by the loopback OpenAI-compatible stub at `url`, for the router's operation tests:
 * a spec with every field set, and what a test cares about on top.
 */
export function stubModel(url: string, spec: Partial<ModelSpec> & { name: string }): ModelSpec {
  return {
    kind: 'openai-compatible',
    baseURL: url,
    upstreamModel: spec.name,
    apiKey: 'sk-test',
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 2,
    contextWindow: 32_000,
    taskTypes: [],
    features: ['json'],
    requestsPerMinute: null,
    tokensPerMinute: null,
    enabled: true,
    priorQuality: { default: 0.8 },
    timeoutMs: 10_000,
    ...spec,
  };
}

/**
 * The cheap and the strong model of the cost tests: each takes a profile of the committed
 * prompt-quality model by its upstream id (Mixtral and GPT-4, as in RouteLLM's outcomes).
 */
export const budgetModel = (url: string): ModelSpec =>
  stubModel(url, {
    name: 'budget',
    upstreamModel: 'mixtral-8x7b-instruct',
    inputUsdPerMTok: 0.2,
    outputUsdPerMTok: 0.6,
    features: ['streaming', 'json'],
    priorQuality: { default: 0.85 },
    timeoutMs: 5_000,
  });

export const premiumModel = (url: string): ModelSpec => ({
  ...budgetModel(url),
  name: 'premium',
  upstreamModel: 'gpt-4-1106-preview',
  inputUsdPerMTok: 10,
  outputUsdPerMTok: 30,
  priorQuality: { default: 0.9 },
});
