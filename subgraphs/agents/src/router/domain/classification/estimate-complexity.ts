import type { ReadPrompt } from './read-prompt.js';
import { KEYWORD_CUES } from './word-cues.js';

/** What makes a task hard, counted on the prompt. */
export interface ComplexityFeatures {
  /** Estimated input tokens (prompt plus context). */
  readonly inputTokens: number;
  readonly sentences: number;
  /** "then", "finally", "step by step", numbered or bulleted lines … */
  readonly steps: number;
  /** "must", "at least", "without", "no more than", "under 100 words" … */
  readonly constraints: number;
  /** Share (0–1) of words that are technical: code/analysis vocabulary, acronyms, identifiers. */
  readonly technicalDensity: number;
  /** Numbers and arithmetic operators. */
  readonly math: number;
}

const STEP_MARKERS =
  /\bthen\b|\bafter that\b|\bfinally\b|\bstep[- ]by[- ]step\b|\b(?:first|second|third|next)\b|^\s*(?:\d+[.)]|[-*•])\s+/gm;
const CONSTRAINTS =
  /\bmust\b|\bshould\b|\bat (?:least|most)\b|\bwithout\b|\bno (?:more|less) than\b|\bonly\b|\bavoid(?:ing)?\b|\bensure\b|\bdo not\b|\bdon't\b|\bunder \d+|\bwithin\b|\bexactly\b|\bnever\b/g;
const OPERATORS = /[=+*/^<>]|\s-\s/g;
const TECHNICAL_SHAPE = /^(?:[A-Z]{2,}\d*|.*\d.*[a-z].*|[a-z]+[A-Z]\w*|\w*_\w+|.{12,})$/;

export function complexityFeatures(
  prompt: ReadPrompt,
  text: string,
  inputTokens: number,
): ComplexityFeatures {
  const lower = text.toLowerCase();
  const words = prompt.tokens.filter((token) => token.type === 'word');
  const technical = words.filter((token) => {
    const cue = KEYWORD_CUES.get(token.lemma);
    const topical = cue?.type === 'code' || cue?.type === 'analysis';
    return topical || TECHNICAL_SHAPE.test(token.value);
  }).length;
  const numbers = prompt.tokens.filter((token) => token.type === 'number').length;
  return {
    inputTokens,
    sentences: prompt.sentences.length,
    steps: lower.match(STEP_MARKERS)?.length ?? 0,
    constraints: lower.match(CONSTRAINTS)?.length ?? 0,
    technicalDensity: words.length === 0 ? 0 : technical / words.length,
    math: numbers + (text.match(OPERATORS)?.length ?? 0),
  };
}

/** Input size at which the length term saturates (a long brief plus a document). */
const SATURATING_TOKENS = 2000;

/**
 * Complexity in [0, 1], a hand-weighted sum of saturating terms (weights sum to 1):
 *   0.30 · ln(1 + tokens) / ln(1 + 2000)   length, log-scaled so documents do not dominate
 * + 0.10 · min(1, (sentences − 1) / 5)      more sentences, more asks
 * + 0.20 · min(1, steps / 3)                multi-step work
 * + 0.15 · min(1, constraints / 3)          constraints to satisfy at once
 * + 0.15 · min(1, technical share / 0.25)   specialist vocabulary
 * + 0.10 · min(1, math / 8)                 numbers and operators to get right
 * Rounded to two decimals.
 */
export function estimateComplexity(features: ComplexityFeatures): number {
  const cap = (value: number) => Math.min(1, Math.max(0, value));
  const score =
    0.3 * cap(Math.log1p(features.inputTokens) / Math.log1p(SATURATING_TOKENS)) +
    0.1 * cap((features.sentences - 1) / 5) +
    0.2 * cap(features.steps / 3) +
    0.15 * cap(features.constraints / 3) +
    0.15 * cap(features.technicalDensity / 0.25) +
    0.1 * cap(features.math / 8);
  return Math.round(score * 100) / 100;
}
