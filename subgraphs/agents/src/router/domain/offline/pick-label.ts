import { englishNlp } from '../classification/english-nlp.js';

export interface LabelChoice {
  /** Null when the request names no labels to choose from. */
  readonly label: string | null;
  readonly candidates: readonly string[];
  readonly reason: string;
}

const SENTIMENT_LABELS = new Set(['positive', 'negative', 'neutral']);
/** wink's sentiment score (−1 … 1) beyond which a text is not neutral. */
const NEUTRAL_BAND = 0.1;

/**
 * The label a request asks for, justified only by what can be computed offline: sentiment
 * (wink-nlp's score) for positive/negative/neutral, otherwise the label whose words the text
 * to judge uses most; a tie picks the first listed and says so.
 */
export function pickLabel(request: string, material: string): LabelChoice {
  const candidates = candidateLabels(request);
  const judged = quoted(request) ?? (material.trim() || request);
  const its = englishNlp().its;
  const sentiment = Number(englishNlp().readDoc(judged).out(its.sentiment));
  const wantsSentiment =
    candidates.some((label) => SENTIMENT_LABELS.has(label.toLowerCase())) ||
    (candidates.length === 0 && /\bsentiment\b/i.test(request));
  if (wantsSentiment) {
    const label =
      sentiment > NEUTRAL_BAND ? 'positive' : sentiment < -NEUTRAL_BAND ? 'negative' : 'neutral';
    return {
      label,
      candidates,
      reason: `sentiment score ${sentiment.toFixed(2)} on a scale of −1 to 1`,
    };
  }
  if (candidates.length === 0) {
    return {
      label: null,
      candidates,
      reason: 'the request lists no labels to choose from (e.g. "as A, B or C")',
    };
  }
  const words = new Set(judged.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const scored = candidates.map((label) => ({
    label,
    hits: (label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => words.has(word))
      .length,
  }));
  const best = scored.reduce((a, b) => (b.hits > a.hits ? b : a));
  const reason =
    best.hits > 0
      ? `the text uses ${best.hits} word(s) of "${best.label}"`
      : 'no evidence favours any label offline; the first one listed is given';
  return { label: best.label, candidates, reason };
}

/** "…: A, B or C", "as A or B", "into A, B and C", or a bare "A, B or C". */
export function candidateLabels(request: string): string[] {
  const text = request.replace(/(['"‘“]).*?(['"’”])/g, ' ');
  const segments = [
    /:\s*([^:?.!]+)/.exec(text)?.[1],
    /\b(?:as|into|between|either)\s+([^?.!:]+)/i.exec(text)?.[1],
    /((?:\b[\w-]+, )+[\w-]+,? (?:or|and) [\w-]+)/.exec(text)?.[1],
    /\b([\w-]+ or [\w-]+)\b/.exec(text)?.[1],
  ];
  for (const segment of segments) {
    if (!segment || !/\bor\b|\band\b|,/.test(segment)) continue;
    const labels = segment
      .split(/,|\bor\b|\band\b/)
      .map((label) => label.trim().replace(/^(?:a|an|the)\s+/i, ''))
      .filter((label) => label !== '' && label.split(/\s+/).length <= 3);
    if (labels.length >= 2) return [...new Set(labels)];
  }
  return [];
}

function quoted(text: string): string | null {
  return /(['"‘“])(.{3,}?)(['"’”])(?:\s*[?.!]?\s*$|\s)/.exec(text)?.[2] ?? null;
}
