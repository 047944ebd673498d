import type { ItemToken } from 'wink-nlp';
import { englishNlp } from '../classification/english-nlp.js';

/** Something wink-nlp recognised: a date, an amount, a number, an email, a URL … */
export interface Fact {
  readonly type: string;
  readonly value: string;
}

/** Token types that are facts in themselves (wink tags these while tokenising). */
const FACT_TOKENS = new Set(['email', 'url', 'hashtag', 'mention']);

/** Entities wink-nlp finds (dates, times, money, percentages, numbers …) plus emails and URLs, de-duplicated, in order. */
export function findFacts(text: string): Fact[] {
  const nlp = englishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const add = (type: string, value: string) => {
    const key = `${type}:${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    facts.push({ type, value });
  };
  for (const detail of doc.entities().out(its.detail) as unknown as {
    type: string;
    value: string;
  }[]) {
    if (detail.type !== 'EMOTICON' && detail.type !== 'EMOJI') add(detail.type, detail.value);
  }
  doc.tokens().each((token: ItemToken) => {
    const type = token.out(its.type);
    if (FACT_TOKENS.has(type)) add(type.toUpperCase(), token.out());
  });
  return facts;
}
