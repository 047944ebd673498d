import { createHash } from 'node:crypto';
import type { CompletionRequest, CompletionResult, ModelSpec } from '../domain/contracts.js';

/** The seed's design: a deterministic answer stays valid for a week. */
export const DEFAULT_CACHE_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Where deterministic answers are kept. The agents subgraph provides the Redis implementation;
 * `MemoryResponseCache` is for tests and the embedded mode. Implementations may fail: the
 * executor treats a failing cache as a miss.
 */
export interface ResponseCache {
  get(key: string): Promise<CompletionResult | undefined>;
  set(key: string, value: CompletionResult, ttlSeconds: number): Promise<void>;
}

/** Only temperature 0 gives the same answer twice (the contract has no seed). */
export function isDeterministic(request: Pick<CompletionRequest, 'temperature'>): boolean {
  return request.temperature === 0;
}

/**
 * The cache key: sha256 over everything that shapes the answer (upstream model, endpoint,
 * messages, token limit, response format); callbacks and signals do not.
 */
export function responseCacheKey(
  spec: Pick<ModelSpec, 'upstreamModel' | 'baseURL'>,
  request: CompletionRequest,
): string {
  const shape = [
    spec.upstreamModel,
    spec.baseURL,
    request.messages.map((message) => [message.role, message.content]),
    request.maxOutputTokens ?? null,
    request.responseFormat ?? 'text',
  ];
  return `router:response:${createHash('sha256').update(JSON.stringify(shape)).digest('hex')}`;
}

/** An in-process cache with expiry on the injected clock. Unbounded: for tests. */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries = new Map<string, { value: CompletionResult; expiresAt: number }>();

  constructor(private readonly clock: () => number) {}

  async get(key: string): Promise<CompletionResult | undefined> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock()) this.entries.delete(key);
    return entry && entry.expiresAt > this.clock() ? entry.value : undefined;
  }

  async set(key: string, value: CompletionResult, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: this.clock() + ttlSeconds * 1000 });
  }
}
