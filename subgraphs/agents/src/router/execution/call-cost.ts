import type { ModelSpec } from '../domain/contracts.js';

/** US dollars of a call: tokens times the spec's prices per million tokens. */
export function callCostUsd(
  spec: Pick<ModelSpec, 'inputUsdPerMTok' | 'outputUsdPerMTok'>,
  inputTokens: number,
  outputTokens: number,
): number {
  return (inputTokens * spec.inputUsdPerMTok + outputTokens * spec.outputUsdPerMTok) / 1_000_000;
}
