import { estimateInputTokens } from '../classification/estimate-tokens.js';
import type { CompletionRequest, CompletionResult, ModelSpec, Provider } from '../contracts.js';
import { ProviderError } from '../errors.js';
import { OFFLINE_MARKER, offlineAnswer } from './offline-answer.js';

/** A streamed offline answer arrives in this many pieces. */
const STREAM_PIECES = 4;

/**
 * The `offline` provider: answers with no LLM service, from templates and NLP. Every answer is
 * labelled (`[offline]` in text, `"offline": true` in JSON), free, and the same for the same
 * request; it streams in a few pieces and stops with an `aborted` ProviderError when told.
 */
export const offlineProvider: Provider = {
  kind: 'offline',
  async complete(spec: ModelSpec, request: CompletionRequest): Promise<CompletionResult> {
    const started = performance.now();
    throwIfAborted(request, spec);
    const users = request.messages.filter((message) => message.role === 'user');
    const ask = users.at(-1)?.content ?? '';
    const material = users
      .slice(0, -1)
      .map((message) => message.content)
      .join('\n\n');
    const answer = offlineAnswer(ask, material);
    let text = answer.text;
    let finishReason: CompletionResult['finishReason'] = 'stop';
    if (request.responseFormat === 'json') {
      text = JSON.stringify({
        offline: true,
        model: spec.name,
        taskType: answer.taskType,
        answer: answer.text,
        ...answer.data,
      });
    } else if (request.maxOutputTokens !== undefined && text.length > request.maxOutputTokens * 4) {
      text = text.slice(0, request.maxOutputTokens * 4);
      finishReason = 'length';
    }
    for (const piece of pieces(text)) {
      throwIfAborted(request, spec);
      request.onDelta?.(piece);
    }
    return {
      text,
      model: spec.name,
      finishReason,
      inputTokens: estimateInputTokens(
        request.messages.map((message) => message.content).join('\n'),
      ),
      outputTokens: estimateInputTokens(text),
      costUsd: 0,
      latencyMs: performance.now() - started,
      cached: false,
    };
  },
};

/** Splits at spaces into about `STREAM_PIECES` pieces that join back to `text`. */
function pieces(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / STREAM_PIECES));
  const result: string[] = [];
  let start = 0;
  while (start < text.length) {
    const space = text.indexOf(' ', start + size);
    const end = space === -1 ? text.length : space;
    result.push(text.slice(start, end));
    start = end;
  }
  return result;
}

function throwIfAborted(request: CompletionRequest, spec: ModelSpec): void {
  if (request.signal?.aborted) {
    throw new ProviderError('aborted', `${OFFLINE_MARKER} the request was aborted`, spec.name);
  }
}
