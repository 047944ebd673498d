import { pageOf, type Page } from '../../organization/domain/cursor.js';

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
  return pageOf(rows.slice(0, first), keyOf, {
    hasPreviousPage: afterKey !== null,
    hasNextPage: rows.length > first,
    totalCount,
  });
}
