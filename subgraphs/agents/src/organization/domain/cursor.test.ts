import { describe, expect, it } from 'vitest';
import {
  assertPageSize,
  decodeCursor,
  decodeKeysetCursor,
  encodeCursor,
  encodeKeysetCursor,
  paginate,
} from './cursor.js';

describe('cursor pagination', () => {
  const items = Array.from({ length: 5 }, (_, ordinal) => ({ ordinal }));
  const key = (item: { ordinal: number }) => item.ordinal;

  it('walks every item exactly once, page by page', () => {
    const seen: number[] = [];
    let after: number | null = null;
    for (;;) {
      const page = paginate(items, key, 2, after);
      seen.push(...page.nodes.map(key));
      expect(page.totalCount).toBe(5);
      if (!page.hasNextPage) break;
      after = decodeCursor(page.endCursor ?? '');
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives an empty last page with no cursor after the end', () => {
    expect(paginate(items, key, 2, 4)).toEqual({
      nodes: [],
      startCursor: null,
      endCursor: null,
      hasPreviousPage: true,
      hasNextPage: false,
      totalCount: 5,
    });
    expect(paginate(items, key, 2, null).hasPreviousPage).toBe(false);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('v2:3').toString('base64url'),
    Buffer.from('v1:-3').toString('base64url'),
  ])('refuses a cursor it did not issue: %j', (cursor) => expect(decodeCursor(cursor)).toBeNull());

  it('round-trips', () => expect(decodeCursor(encodeCursor(42))).toBe(42));
});

describe('keyset cursors', () => {
  it('round-trip their keys for their own list only', () => {
    const cursor = encodeKeysetCursor('agents', ['Ada', 'id-1']);
    expect(decodeKeysetCursor('agents', cursor, 2)).toEqual(['Ada', 'id-1']);
    expect(decodeKeysetCursor('departments', cursor, 2)).toBeNull();
    expect(decodeKeysetCursor('agents', cursor, 3)).toBeNull();
  });

  it.each(['', 'garbage', Buffer.from('v1:agents:{').toString('base64url'), encodeCursor(1)])(
    'refuses %j',
    (cursor) => expect(decodeKeysetCursor('agents', cursor, 2)).toBeNull(),
  );
});

describe('page sizes', () => {
  it.each([1, 50, 200])('accepts %i', (first) => expect(() => assertPageSize(first)).not.toThrow());
  it.each([0, -1, 201, 1.5])('refuses %d', (first) =>
    expect(() => assertPageSize(first)).toThrow(/between 1 and 200/),
  );
});
