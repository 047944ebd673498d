import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEntryBounds, cut, documentFacts } from './audit-entry.js';

describe('documentFacts', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('names the operation of a document it parses, and hashes the whole text', () => {
    const source = 'query A { a } mutation B { b }';
    expect(documentFacts(source, 'B')).toEqual({
      operationType: 'MUTATION',
      operationName: 'B',
      documentSha256: sha256(source),
      document: source,
    });
  });

  it('finds the only operation when none is named', () => {
    expect(documentFacts('subscription S { s }', undefined)).toMatchObject({
      operationType: 'SUBSCRIPTION',
      operationName: 'S',
    });
  });

  it('keeps what it can of a document that does not parse', () => {
    expect(documentFacts('{ broken', undefined)).toEqual({
      operationType: null,
      operationName: null,
      documentSha256: sha256('{ broken'),
      document: '{ broken',
    });
  });

  it('cuts a long document but hashes all of it', () => {
    const source = `{ ${'a '.repeat(5_000)}}`;
    const facts = documentFacts(source, undefined);
    expect(facts.document).toHaveLength(auditEntryBounds.document);
    expect(facts.documentSha256).toBe(sha256(source));
  });

  it('has nothing to say without a document', () => {
    expect(documentFacts(undefined, undefined)).toEqual({
      operationType: null,
      operationName: null,
      documentSha256: null,
      document: null,
    });
  });
});

describe('cut', () => {
  it.each([
    ['short text as is', 'abc', 5, 'abc'],
    ['long text to the bound', 'abcdef', 3, 'abc'],
    ['an empty text to null', '', 3, null],
    ['before a surrogate pair, never through it', 'ab😀', 3, 'ab'],
  ])('cuts %s', (_case, text, max, expected) => {
    expect(cut(text, max)).toBe(expected);
  });
});
