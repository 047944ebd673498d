import type { CompletionRequest } from '../domain/contracts.js';

/**
 * About four characters per token for English text (OpenAI, "What are tokens and how to count
 * them?"). Used only where the provider reports no usage, and for rate-limit headroom.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Prompt tokens of a request: its messages, plus a few per message for the chat framing. */
export function estimatePromptTokens(request: Pick<CompletionRequest, 'messages'>): number {
  // OpenAI's cookbook counts 3 tokens of framing per message ("How to count tokens with tiktoken").
  return request.messages.reduce((sum, message) => sum + estimateTokens(message.content) + 3, 0);
}

/** What a request counts against a tokens-per-minute limit: prompt plus the completion allowed. */
export function estimateRequestTokens(request: CompletionRequest): number {
  return estimatePromptTokens(request) + (request.maxOutputTokens ?? 0);
}
