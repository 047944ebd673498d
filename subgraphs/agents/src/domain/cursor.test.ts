import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate } from './cursor.js';

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
