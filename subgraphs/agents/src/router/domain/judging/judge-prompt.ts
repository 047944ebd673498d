import type { CompletionRequest } from '../contracts.js';

/**
 * The judge's instructions: MT-Bench's single-answer grading (Zheng et al. 2023, "Judging
 * LLM-as-a-judge with MT-Bench and Chatbot Arena", arXiv 2306.05685), a 1–10 rating, asked for
 * as JSON so it parses without a regex over prose.
 */
const JUDGE_SYSTEM = [
  'You are an impartial judge of the quality of an AI assistant’s answer to a user’s request.',
  'Consider helpfulness, relevance, accuracy, depth and level of detail. Be as objective as possible.',
  'Reply with JSON only: {"rating": <integer 1 to 10>, "reason": "<one sentence>"}.',
].join(' ');

/** Judges read the start of long texts: enough to grade, and a bound on the judge's cost. */
export const JUDGE_MAX_CHARS = 6_000;
const JUDGE_MAX_OUTPUT_TOKENS = 120;

/** The chat request that asks the judge to rate `answer` to `prompt`. */
export function judgeRequest(prompt: string, answer: string): CompletionRequest {
  return {
    messages: [
      { role: 'system', content: JUDGE_SYSTEM },
      {
        role: 'user',
        content: `[User request]\n${prompt.slice(0, JUDGE_MAX_CHARS)}\n\n[Assistant answer]\n${answer.slice(0, JUDGE_MAX_CHARS)}`,
      },
    ],
    maxOutputTokens: JUDGE_MAX_OUTPUT_TOKENS,
    temperature: 0,
    responseFormat: 'json',
  };
}

/**
 * The quality (0–1) a judge's reply gives: rating r ∈ [1, 10] ↦ (r − 1) / 9; null when the reply
 * holds no rating in range, so a confused judge teaches nothing.
 */
export function parseJudgeRating(text: string): number | null {
  const unfenced = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  let rating: unknown;
  try {
    rating = (JSON.parse(unfenced) as { rating?: unknown }).rating;
  } catch {
    return null;
  }
  if (typeof rating !== 'number' || !Number.isFinite(rating) || rating < 1 || rating > 10) {
    return null;
  }
  return (rating - 1) / 9;
}
