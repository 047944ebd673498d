/**
 * Opaque cursors for lists ordered by a stable integer key (a department's ordinal). Base64url of
 * "v1:<key>", so clients cannot depend on the encoding and a bad cursor is detected, not guessed.
 */
export function encodeCursor(key: number): string {
  return Buffer.from(`v1:${key}`).toString('base64url');
}

/** The key inside `cursor`, or null when it is not a cursor this API issued. */
export function decodeCursor(cursor: string): number | null {
  const match = /^v1:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? null : Number(match[1]);
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
  const [head, last] = [nodes.at(0), nodes.at(-1)];
  return {
    nodes,
    startCursor: head === undefined ? null : encodeCursor(keyOf(head)),
    endCursor: last === undefined ? null : encodeCursor(keyOf(last)),
    hasPreviousPage: rest.length < items.length,
    hasNextPage: rest.length > nodes.length,
    totalCount: items.length,
  };
}
