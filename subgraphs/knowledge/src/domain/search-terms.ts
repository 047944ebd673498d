import { BadInputError } from '@daena/platform/domain';

/**
 * What goes to Neo4j's Lucene full-text index. Terms are words of letters and digits, lower
 * case: Lucene's operators (AND, OR, NOT, field:, wildcards, fuzzy ~, ranges) need upper case
 * or punctuation, so a query built from such terms is always a plain OR of terms and user text
 * can never change its meaning (no Lucene or Cypher injection; the text is a parameter anyway).
 */
export const searchLimits = {
  phraseMaxChars: 200,
  /** Terms of one search; more only slow Lucene down (each is a posting-list walk). */
  termsMax: 16,
  /** Terms of an entry used to find its related entries. */
  relatedTermsMax: 12,
  /** Related entries linked per write, and the least strength worth a link. */
  relatedMax: 5,
  relatedMinStrength: 0.15,
} as const;

/** Common English words that say nothing about a topic (a short list, as Lucene's own). */
const stopWords = new Set(
  (
    'a an and are as at be but by for from has have in into is it its of on or our that the ' +
    'their then there these this to was we were will with you your not no can all any'
  ).split(' '),
);

/** The index's terms of `text`: letter-or-digit words of 2+ characters, lower case. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter((t) => !stopWords.has(t));
}

/** A search phrase as a Lucene query; BAD_USER_INPUT when it is empty or oversize. */
export function searchQuery(phrase: string): string {
  const length = [...phrase].length;
  if (length > searchLimits.phraseMaxChars) {
    throw new BadInputError(
      `a search phrase has at most ${searchLimits.phraseMaxChars} characters (got ${length})`,
      'SEARCH_PHRASE_LENGTH',
      { field: 'phrase', max: searchLimits.phraseMaxChars, length },
    );
  }
  const unique = [...new Set(terms(phrase))].slice(0, searchLimits.termsMax);
  if (unique.length === 0) {
    throw new BadInputError(
      'a search phrase needs at least one word of two letters or digits',
      'SEARCH_PHRASE_EMPTY',
      { field: 'phrase' },
    );
  }
  return unique.join(' ');
}

/**
 * The query that finds an entry's related entries: its most frequent terms, title terms first
 * (a title names the subject). Null when the entry has no term at all.
 */
export function relatedQuery(title: string, body: string): string | null {
  const counts = new Map<string, number>();
  for (const term of terms(title)) counts.set(term, (counts.get(term) ?? 0) + 3);
  for (const term of terms(body)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const picked = ranked.slice(0, searchLimits.relatedTermsMax).map(([term]) => term);
  return picked.length > 0 ? picked.join(' ') : null;
}
