/**
 * Sparse features of a prompt: hashed word unigrams and bigrams plus a few shape buckets (length,
 * digits, options), sublinear term frequency, L2-normalised — the hashing trick (Weinberger et
 * al. 2009, "Feature hashing for large scale multitask learning"). Computed in a few µs, no
 * vocabulary to ship: the index of a term is its FNV-1a hash modulo the dimension.
 */
export interface PromptFeatures {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/**
 * Only the start of a very long prompt is read: the task is stated early and a bound keeps the
 * cost of a feature vector under ~20 µs whatever is pasted in (issue 18: selection p99 < 200 µs).
 */
export const MAX_FEATURE_CHARS = 4096;

const WORD = /[a-z]+|\d+|[^\sa-z\d]/g;

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`, continuing from `seed`. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Coarse buckets of the prompt's shape, as pseudo-words so they hash like any other term. */
function shapeTerms(text: string, words: readonly string[]): string[] {
  const digits = words.filter((w) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57).length;
  const log2 = (n: number) => Math.min(12, Math.floor(Math.log2(1 + n)));
  return [
    `#len:${log2(text.length)}`,
    `#words:${log2(words.length)}`,
    `#numbers:${log2(digits)}`,
    `#lines:${log2(text.split('\n').length - 1)}`,
  ];
}

/** The feature vector of `text` in `dimensions` hashed slots (a power of two). */
export function promptFeatures(text: string, dimensions: number): PromptFeatures {
  const read = text.slice(0, MAX_FEATURE_CHARS).toLowerCase();
  const words = read.match(WORD) ?? [];
  const counts = new Map<number, number>();
  const mask = dimensions - 1;
  const add = (h: number) => {
    const slot = h & mask;
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  };
  let previous = '^';
  for (const word of words) {
    const h = fnv1a(word);
    add(h);
    // A bigram's hash continues the first word's with a separator, so no string is built.
    add(fnv1a(word, fnv1a(' ', fnv1a(previous))));
    previous = word;
  }
  for (const term of shapeTerms(read, words)) add(fnv1a(term));
  const indices = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  let norm = 0;
  let k = 0;
  for (const [slot, count] of counts) {
    const value = 1 + Math.log(count);
    indices[k] = slot;
    values[k] = value;
    norm += value * value;
    k++;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * scale;
  return { indices, values };
}
