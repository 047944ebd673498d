import { encodeCursor, type Page } from '../../organization/domain/cursor.js';

/**
 * A page of a newest-first list from `rows`, read with one row more than `first` so that
 * `hasNextPage` needs no second query. `afterKey` is the key of the last item of the page before;
 * a page after a cursor always has newer items before it.
 */
export function newestFirstPage<T>(
  rows: readonly T[],
  keyOf: (row: T) => number,
  first: number,
  afterKey: number | null,
  totalCount: number,
): Page<T> {
  const nodes = rows.slice(0, first);
  const [head, last] = [nodes.at(0), nodes.at(-1)];
  return {
    nodes,
    startCursor: head === undefined ? null : encodeCursor(keyOf(head)),
    endCursor: last === undefined ? null : encodeCursor(keyOf(last)),
    hasPreviousPage: afterKey !== null,
    hasNextPage: rows.length > first,
    totalCount,
  };
}
