import { findPersonalData, type PersonalDataKind } from './classification.js';

/**
 * Removes the personal data the classifier finds (classification.ts), each span replaced by its
 * kind in brackets ("[EMAIL]"), so a shared copy says what was there without saying what it was.
 * Pure and deterministic, like the classifier it relies on: what it cannot detect, it cannot
 * remove, which is why a share also needs the owner's approval.
 */
export function redactPersonalData(text: string): { text: string; removed: PersonalDataKind[] } {
  const spans = findPersonalData(text);
  let redacted = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    redacted += `${text.slice(at, span.start)}[${span.kind}]`;
    at = span.kind === 'SALARY' ? span.end + restOfAmount(text.slice(span.end)) : span.end;
  }
  const removed = [...new Set(spans.map((span) => span.kind))];
  return { text: redacted + text.slice(at), removed };
}

/**
 * The salary detector stops at the first digit after a currency sign ("salary is €8" of
 * "€85,000"): enough to classify, not to remove. The rest of the amount and its unit go too.
 */
function restOfAmount(after: string): number {
  return (
    /^(?:[\d,.]*\d)?(?:\s?(?:k\b|usd\b|eur\b|gbp\b|chf\b|[$€£]))?/iu.exec(after)?.[0].length ?? 0
  );
}
