import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../../organization/domain/cursor.js';
import { newestFirstPage } from './message-page.js';

describe('newestFirstPage', () => {
  const key = (row: { seq: number }) => row.seq;
  const rows = (...seqs: number[]) => seqs.map((seq) => ({ seq }));

  it.each([
    ['a first page with more after it', rows(9, 8, 7), null, [9, 8], true, false],
    ['a middle page', rows(7, 6, 5), 8, [7, 6], true, true],
    ['the last page', rows(2), 3, [2], false, true],
    ['past the end', rows(), 1, [], false, true],
  ])('%s', (_case, read, afterKey, nodes, hasNextPage, hasPreviousPage) => {
    const page = newestFirstPage(read, key, 2, afterKey, 9);
    expect(page.nodes.map(key)).toEqual(nodes);
    expect(page).toMatchObject({ hasNextPage, hasPreviousPage, totalCount: 9 });
    expect(page.endCursor === null ? null : decodeCursor(page.endCursor)).toBe(
      nodes.at(-1) ?? null,
    );
  });
});
