import { BadInputError } from '@daena/platform/domain';

/**
 * Opaque cursors. Base64url of "v1:<key>" for lists ordered by a stable integer key (a
 * department's ordinal), or of "v1:<list>:<JSON array>" for keyset pagination over several
 * columns (agents by name and id), so clients cannot depend on the encoding, a bad cursor is
 * detected rather than guessed, and a cursor of one list is refused by another.
 */
export function encodeCursor(key: number): string {
  return Buffer.from(`v1:${key}`).toString('base64url');
}

/** The key inside `cursor`, or null when it is not a cursor this API issued. */
export function decodeCursor(cursor: string): number | null {
  const match = /^v1:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** A cursor for the row whose sort key is `keys`, in the list named `list`. */
export function encodeKeysetCursor(list: string, keys: readonly string[]): string {
  return Buffer.from(`v1:${list}:${JSON.stringify(keys)}`).toString('base64url');
}

/** Longest cursor accepted: keys are names (≤ 100 characters) and ids, so far below this. */
const maxCursorLength = 1_000;

/** The `arity` keys inside `cursor` for list `list`, or null when this API did not issue it. */
export function decodeKeysetCursor(list: string, cursor: string, arity: number): string[] | null {
  if (cursor.length > maxCursorLength) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `v1:${list}:`;
  if (!text.startsWith(prefix)) return null;
  let keys: unknown;
  try {
    keys = JSON.parse(text.slice(prefix.length));
  } catch {
    return null;
  }
  const valid =
    Array.isArray(keys) && keys.length === arity && keys.every((key) => typeof key === 'string');
  return valid ? (keys as string[]) : null;
}

/** Page sizes: at least one row, at most 200 (enough for a screen, small enough for one query). */
const maxPageSize = 200;

export function assertPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new BadInputError(`first must be between 1 and ${maxPageSize}`, 'PAGE_SIZE_OUT_OF_RANGE');
  }
}

export function invalidCursor(): BadInputError {
  return new BadInputError('after is not a cursor from this API', 'INVALID_CURSOR');
}

export interface Page<T> {
  nodes: T[];
  startCursor: string | null;
  endCursor: string | null;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  totalCount: number;
}

/** The page of `items` (sorted by `keyOf`) after `afterKey`, at most `first` long. */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => number,
  first: number,
  afterKey: number | null,
): Page<T> {
  const rest = afterKey === null ? items : items.filter((item) => keyOf(item) > afterKey);
  const nodes = rest.slice(0, first);
  return pageOf(nodes, keyOf, {
    hasPreviousPage: rest.length < items.length,
    hasNextPage: rest.length > nodes.length,
    totalCount: items.length,
  });
}

/** `nodes` as a page: cursors from the keys of its first and last node. */
export function pageOf<T>(
  nodes: T[],
  keyOf: (item: T) => number,
  bounds: Pick<Page<T>, 'hasPreviousPage' | 'hasNextPage' | 'totalCount'>,
): Page<T> {
  const [head, last] = [nodes.at(0), nodes.at(-1)];
  return {
    nodes,
    startCursor: head === undefined ? null : encodeCursor(keyOf(head)),
    endCursor: last === undefined ? null : encodeCursor(keyOf(last)),
    ...bounds,
  };
}
