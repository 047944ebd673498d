import DataLoader from 'dataloader';

/**
 * One batched fetch per entity type per request: `fetch` receives every id asked for in a tick
 * and results come back in key order (null where missing).
 */
export function byIdLoader<T extends { id: string }>(
  fetch: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Batched one-to-many: every parent id asked for in a tick gets its children in one fetch. */
export function groupLoader<T>(
  fetch: (parentIds: readonly string[]) => Promise<T[]>,
  parentIdOf: (row: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const rows = await fetch(parentIds);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = parentIdOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
