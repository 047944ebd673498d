import type { ModelSpec } from '../contracts.js';

/** The name the offline model always has; reserved in the registry. */
export const OFFLINE_MODEL_NAME = 'offline';

/**
 * The built-in offline model: answers from templates and NLP, free, always present so the
 * platform runs with no LLM service. Its low prior quality lets any configured model win.
 */
export const offlineModelSpec: ModelSpec = {
  name: OFFLINE_MODEL_NAME,
  kind: 'offline',
  baseURL: null,
  upstreamModel: OFFLINE_MODEL_NAME,
  apiKey: null,
  inputUsdPerMTok: 0,
  outputUsdPerMTok: 0,
  // It reads any length (wink-nlp is linear), so it is never excluded for context size.
  contextWindow: 1_000_000,
  taskTypes: [],
  features: ['streaming', 'json'],
  requestsPerMinute: null,
  tokensPerMinute: null,
  enabled: true,
  priorQuality: { default: 0.3 },
  timeoutMs: 30_000,
};
