import type { CompletionRequest, CompletionResult } from '../domain/contracts.js';

/**
 * The automatic quality signal of a successful answer (0–1): what can be told without a judge.
 * 1 means "no defect detected", not "excellent"; explicit feedback refines it. The checks and
 * the ceiling each one imposes (the lowest applicable wins):
 *
 * | check                                         | ceiling |
 * | --------------------------------------------- | ------- |
 * | empty or whitespace text                      | 0       |
 * | JSON requested but the text does not parse    | 0       |
 * | cut by a content filter                       | 0.2     |
 * | a refusal ("I'm sorry, but I can't …")        | 0.3     |
 * | cut at the token limit (`length`)             | 0.5     |
 * | finished for another reason (`other`)         | 0.8     |
 */
export function automaticQuality(
  request: Pick<CompletionRequest, 'responseFormat'>,
  result: Pick<CompletionResult, 'text' | 'finishReason'>,
): number {
  const text = result.text.trim();
  if (text === '') return 0;
  if (request.responseFormat === 'json' && !parsesAsJson(text)) return 0;
  if (result.finishReason === 'content_filter') return 0.2;
  if (isRefusal(text)) return 0.3;
  if (result.finishReason === 'length') return 0.5;
  if (result.finishReason === 'other') return 0.8;
  return 1;
}

// The openings models use to decline; checked only at the start, so an answer that quotes a
// refusal later on is not one.
const REFUSAL =
  /^(?:I['’]m sorry|I am sorry|Sorry, (?:but )?I|I apologi[sz]e|I can(?:not|['’]t) (?:help|assist|comply|provide|do that)|I(?:['’]m| am) (?:not able|unable) to|As an AI)/i;

function isRefusal(text: string): boolean {
  return REFUSAL.test(text);
}

function parsesAsJson(text: string): boolean {
  // Models often fence JSON in markdown even when asked not to; the fence is not the defect.
  const unfenced = text.replace(/^```(?:json)?\s*|\s*```$/g, '');
  try {
    JSON.parse(unfenced);
    return true;
  } catch {
    return false;
  }
}
