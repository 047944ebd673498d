/**
 * Queries that once took the platform down (issue 12), shared by the hostile-client suite and the
 * limits bench.
 */

/** `{ departments { agents { department { agents … id } } } }`: `levels` + 1 fields deep. */
export function cycleQuery(levels: number): string {
  let inner = 'id';
  for (let level = levels - 1; level >= 1; level--) {
    inner = `${level % 2 === 1 ? 'agents' : 'department'} { ${inner} }`;
  }
  return `{ departments { ${inner} } }`;
}

/** `count` aliases of `departments { id }` at the root. */
export function aliasQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: departments { id }`).join(' ')} }`;
}
