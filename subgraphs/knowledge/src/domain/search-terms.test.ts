import { BadInputError } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import { relatedQuery, searchLimits, searchQuery, terms } from './search-terms.js';

describe('full-text queries', () => {
  it('keeps words of letters and digits, in lower case, without stop words', () => {
    expect(terms('The Q3 Forecast, and the café budget!')).toEqual([
      'q3',
      'forecast',
      'café',
      'budget',
    ]);
  });

  it.each([
    ['plain words', 'Kestrel invoices', 'kestrel invoices'],
    [
      'Lucene field syntax',
      'title:kestrel OR accessLevel:PERSONAL',
      'title kestrel accesslevel personal',
    ],
    ['Cypher', "x' }) MATCH (n) DETACH DELETE n //", 'match detach delete'],
    ['wildcards and fuzziness', 'fraud~ forged* [a TO z]', 'fraud forged'],
    ['repeated words', 'audit audit AUDIT', 'audit'],
  ])('reads %s as a plain OR of terms', (_case, phrase, query) => {
    expect(searchQuery(phrase)).toBe(query);
  });

  it.each([
    ['an empty phrase', '', 'SEARCH_PHRASE_EMPTY'],
    ['stop words only', 'the and of', 'SEARCH_PHRASE_EMPTY'],
    ['punctuation only', '*:* "" ~', 'SEARCH_PHRASE_EMPTY'],
    ['an oversize phrase', 'a'.repeat(searchLimits.phraseMaxChars + 1), 'SEARCH_PHRASE_LENGTH'],
  ])('refuses %s', (_case, phrase, reason) => {
    expect(() => searchQuery(phrase)).toThrow(BadInputError);
    expect(() => searchQuery(phrase)).toThrow(expect.objectContaining({ reason }));
  });

  it('finds related entries by the most frequent terms, title terms first', () => {
    expect(relatedQuery('Ledger close', 'close the ledger; audit the ledger')).toBe(
      'ledger close audit',
    );
    expect(relatedQuery('', '')).toBeNull();
  });
});
