import { describe, expect, it } from 'vitest';
import { decodeAgentCursor, encodeAgentCursor, normalizeSearch } from './agent-listing.js';
import { encodeCursor, encodeKeysetCursor } from './cursor.js';

describe('agent list cursors', () => {
  const key = { name: 'Ada "the first" Lovelace', id: '0b0e8a2e-4b4c-4f5e-9a1f-1a2b3c4d5e6f' };

  it('round-trips a (name, id) key, whatever the name holds', () =>
    expect(decodeAgentCursor(encodeAgentCursor(key))).toEqual(key));

  it.each([
    ['garbage', 'garbage'],
    ['a department cursor', encodeCursor(3)],
    ['another list', encodeKeysetCursor('departments', [key.name, key.id])],
    ['a key that is not an id', encodeKeysetCursor('agents', [key.name, 'x'])],
    ['the wrong arity', encodeKeysetCursor('agents', [key.id])],
    ['a huge cursor', 'A'.repeat(5_000)],
  ])('refuses %s', (_case, cursor) => expect(decodeAgentCursor(cursor)).toBeNull());
});

describe('search text', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    ['   ', undefined],
    ['  scout ', 'scout'],
  ])('normalizes %j to %j', (search, normalized) =>
    expect(normalizeSearch(search)).toBe(normalized),
  );

  it('refuses a search longer than any name', () =>
    expect(() => normalizeSearch('s'.repeat(101))).toThrow(/at most 100/));
});
