import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type {
  CompletionRequest,
  CompletionResult,
  ModelSpec,
  Provider,
} from '../domain/contracts.js';
import { ProviderError } from '../domain/errors.js';
import { callCostUsd } from './call-cost.js';
import { classifyProviderError } from './classify-provider-error.js';
import { estimatePromptTokens, estimateTokens } from './estimate-tokens.js';

export interface OpenAiProviderOptions {
  /** Monotonic milliseconds for latency; `performance.now` unless told. */
  readonly now?: () => number;
}

type FinishReason = CompletionResult['finishReason'];

interface RawAnswer {
  text: string;
  finishReason: string | null;
  usage: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/**
 * The `Provider` for `openai-compatible` models, through the real `openai` client: one client per
 * (endpoint, key); no client retries (`executeWithFallbacks` retries, with its own budget); the
 * spec's timeout and the request's signal bound every call. Every failure leaves as a
 * `ProviderError` whose message never contains the key.
 */
export class OpenAiProvider implements Provider {
  readonly kind = 'openai-compatible' as const;
  private readonly clients = new Map<string, OpenAI>();
  private readonly now: () => number;

  constructor(options: OpenAiProviderOptions = {}) {
    this.now = options.now ?? (() => performance.now());
  }

  async complete(spec: ModelSpec, request: CompletionRequest): Promise<CompletionResult> {
    const started = this.now();
    try {
      const raw = request.onDelta
        ? await this.streamed(spec, request, request.onDelta)
        : await this.whole(spec, request);
      return this.toResult(spec, request, raw, this.now() - started);
    } catch (error) {
      throw classifyProviderError(error, spec.name, [spec.apiKey]);
    }
  }

  private async whole(spec: ModelSpec, request: CompletionRequest): Promise<RawAnswer> {
    const response: unknown = await this.client(spec).chat.completions.create(
      this.params(spec, request),
      this.options(spec, request),
    );
    // A proxy's HTML error page with a 200, or a body without choices: typed, so we fall back.
    const choice =
      isRecord(response) && Array.isArray(response['choices']) ? response['choices'][0] : undefined;
    const message = isRecord(choice) ? choice['message'] : undefined;
    if (!isRecord(choice) || !isRecord(message)) {
      throw new ProviderError('bad_response', 'The provider answered with no choices', spec.name);
    }
    const content = message['content'];
    if (content !== null && content !== undefined && typeof content !== 'string') {
      throw new ProviderError(
        'bad_response',
        'The provider answered with non-text content',
        spec.name,
      );
    }
    return {
      text: content ?? '',
      finishReason: typeof choice['finish_reason'] === 'string' ? choice['finish_reason'] : null,
      usage: isRecord(response) && isRecord(response['usage']) ? response['usage'] : null,
    };
  }

  private async streamed(
    spec: ModelSpec,
    request: CompletionRequest,
    onDelta: (text: string) => void,
  ): Promise<RawAnswer> {
    const stream = await this.client(spec).chat.completions.create(
      { ...this.params(spec, request), stream: true, stream_options: { include_usage: true } },
      this.options(spec, request),
    );
    const answer: RawAnswer = { text: '', finishReason: null, usage: null };
    let sawChoice = false;
    for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
      if (chunk.usage) answer.usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      sawChoice = true;
      const piece = choice.delta?.content;
      if (piece) {
        answer.text += piece;
        onDelta(piece);
      }
      if (choice.finish_reason) answer.finishReason = choice.finish_reason;
    }
    if (!sawChoice) {
      throw new ProviderError('bad_response', 'The provider streamed no choices', spec.name);
    }
    return answer;
  }

  /** The spec's timeout, the request's signal and, for a keyed call, its key for this model. */
  private options(spec: ModelSpec, request: CompletionRequest) {
    return {
      timeout: spec.timeoutMs,
      signal: request.signal ?? null,
      ...(request.idempotencyKey === undefined
        ? {}
        : { headers: { 'Idempotency-Key': `${request.idempotencyKey}:${spec.name}` } }),
    };
  }

  private toResult(
    spec: ModelSpec,
    request: CompletionRequest,
    raw: RawAnswer,
    latencyMs: number,
  ): CompletionResult {
    const finishReason = mapFinishReason(raw.finishReason);
    if (finishReason === 'content_filter') {
      // A filtered answer is unusable; another model (another filter) may answer.
      throw new ProviderError(
        'content_filter',
        'The answer was cut by a content filter',
        spec.name,
      );
    }
    const inputTokens = raw.usage?.prompt_tokens ?? estimatePromptTokens(request);
    const outputTokens = raw.usage?.completion_tokens ?? estimateTokens(raw.text);
    return {
      text: raw.text,
      model: spec.name,
      finishReason,
      inputTokens,
      outputTokens,
      costUsd: callCostUsd(spec, inputTokens, outputTokens),
      latencyMs,
      cached: false,
    };
  }

  private params(
    spec: ModelSpec,
    request: CompletionRequest,
  ): ChatCompletionCreateParamsNonStreaming {
    return {
      model: spec.upstreamModel,
      messages: request.messages.map((message) => ({
        role: message.role,
        content: message.content,
      })),
      // `max_tokens` rather than `max_completion_tokens`: Ollama, vLLM and LM Studio read it.
      ...(request.maxOutputTokens !== undefined ? { max_tokens: request.maxOutputTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.responseFormat === 'json' ? { response_format: { type: 'json_object' } } : {}),
    };
  }

  private client(spec: ModelSpec): OpenAI {
    if (!spec.baseURL) {
      throw new ProviderError(
        'bad_request',
        'An openai-compatible model needs a baseURL',
        spec.name,
      );
    }
    // The key is hashed so the map never holds it in a key that could be dumped.
    const id = `${spec.baseURL}\n${createHash('sha256')
      .update(spec.apiKey ?? '')
      .digest('hex')}`;
    let client = this.clients.get(id);
    if (!client) {
      client = new OpenAI({
        baseURL: spec.baseURL,
        // Local servers (Ollama, vLLM) want no key, but the client insists on one.
        apiKey: spec.apiKey ?? 'no-key',
        maxRetries: 0,
        // The client's own logger would print request details; errors reach us typed instead.
        logLevel: 'off',
      });
      this.clients.set(id, client);
    }
    return client;
  }
}

function mapFinishReason(reason: string | null): FinishReason {
  if (reason === 'stop' || reason === 'length' || reason === 'content_filter') return reason;
  return 'other';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
