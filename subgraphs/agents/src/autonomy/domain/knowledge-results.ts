/**
 * What the knowledge tools hand back to the model (issue 15 §3): bounded, so a search's result fits
 * in the next prompt whatever the entries hold. Pure: the store maps knowledge's answer, this
 * shapes it.
 */

/** Characters of an entry's body a search shows around the first term it matched. */
export const snippetChars = 240;
/** Characters of an entry's body `read_knowledge` gives the model. */
export const readBodyChars = 4_000;
/** Characters a snippet starts before the matched term, for its context. */
const leadChars = 60;

export interface FoundEntry {
  id: string;
  title: string;
  kind: string | null;
  departmentSlug: string;
  accessLevel: string;
  snippet: string;
}

export interface ReadEntry {
  id: string;
  title: string;
  kind: string | null;
  tags: string[];
  departmentSlug: string;
  accessLevel: string;
  updatedAt: string | null;
  body: string;
  /** Whether the body was cut at `readBodyChars`. */
  truncated: boolean;
}

/** A short piece of `body` around the first of the query's words it contains (else its start). */
export function snippetOf(body: string, query: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const hits = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
    .map((word) => lower.indexOf(word))
    .filter((at) => at >= 0);
  const start = hits.length > 0 ? Math.max(0, Math.min(...hits) - leadChars) : 0;
  const piece = flat.slice(start, start + snippetChars);
  return `${start > 0 ? '…' : ''}${piece}${start + snippetChars < flat.length ? '…' : ''}`;
}

/** An entry as `read_knowledge` returns it: its body cut at `readBodyChars`. */
export function readResult(entry: Omit<ReadEntry, 'truncated'>): ReadEntry {
  const chars = [...entry.body];
  return {
    ...entry,
    body: chars.slice(0, readBodyChars).join(''),
    truncated: chars.length > readBodyChars,
  };
}
