import type { TaskType } from '../contracts.js';

/** English averages about four characters per token with OpenAI's tokenizers. */
const CHARS_PER_TOKEN = 4;

/** Prompt tokens of the text plus its context. */
export function estimateInputTokens(text: string, context = ''): number {
  return Math.max(1, Math.ceil((text.length + context.length) / CHARS_PER_TOKEN));
}

/** Typical answer length at middling complexity, per type (a short reply to a long report). */
const TYPICAL_OUTPUT_TOKENS: Record<TaskType, number> = {
  analysis: 600,
  creative: 400,
  code: 700,
  summarisation: 250,
  extraction: 250,
  planning: 600,
  classification: 40,
  conversation: 80,
};

/**
 * Completion tokens: the type's typical length scaled from ×0.5 (trivial) to ×2 (hard); a
 * summary is also at most half of what it summarises.
 */
export function estimateOutputTokens(
  taskType: TaskType,
  complexity: number,
  inputTokens: number,
): number {
  const scaled = Math.round(TYPICAL_OUTPUT_TOKENS[taskType] * (0.5 + 1.5 * complexity));
  if (taskType !== 'summarisation') return scaled;
  return Math.min(scaled, Math.max(60, Math.round(inputTokens / 2)));
}
