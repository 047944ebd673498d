import { useMemo, useRef } from 'react';

/**
 * `rows` in the order their keys were first shown: a row that appears on a later read goes last,
 * so the rows already on screen keep their places (no layout shift when a live table grows).
 */
export function useStableOrder<T>(rows: readonly T[] | undefined, keyOf: (row: T) => string): T[] {
  const shown = useRef(new Map<string, number>());
  return useMemo(() => {
    const positions = shown.current;
    for (const row of rows ?? []) {
      if (!positions.has(keyOf(row))) positions.set(keyOf(row), positions.size);
    }
    const position = (row: T) => positions.get(keyOf(row)) ?? 0;
    return [...(rows ?? [])].sort((a, b) => position(a) - position(b));
  }, [rows, keyOf]);
}
