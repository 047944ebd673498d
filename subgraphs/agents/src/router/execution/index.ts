export { abortableSleep } from './abortable-sleep.js';
export { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
export {
  CircuitBreaker,
  CircuitBreakers,
  DEFAULT_CIRCUIT_BREAKER,
  type CircuitBreakerOptions,
} from './circuit-breaker.js';
export { classifyProviderError } from './classify-provider-error.js';
export {
  COUNTS_AGAINST_CIRCUIT,
  MAX_RETRY_AFTER_MS,
  RECOVERY,
  shouldRetrySameModel,
} from './error-recovery.js';
export {
  executeWithFallbacks,
  type Attempt,
  type ExecuteOptions,
  type Execution,
} from './execute-with-fallbacks.js';
export { LoadWindow, LoadWindows, type LoadTicket } from './load-window.js';
export { OpenAiProvider, type OpenAiProviderOptions } from './openai-provider.js';
export { automaticQuality } from './quality-signals.js';
export {
  DEFAULT_CACHE_TTL_SECONDS,
  isDeterministic,
  MemoryResponseCache,
  responseCacheKey,
  type ResponseCache,
} from './response-cache.js';
