/**
 * Words of a text as 32-bit FNV-1a hashes (Fowler–Noll–Vo), lower-cased, split at anything that is
 * not a letter or digit — without building a string per word, which is what keeps the copied-
 * rationale check of a 64-voter round in microseconds.
 */
export function wordHashes(text: string): number[] {
  const words: number[] = [];
  let hash = fnvOffset;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let isWordChar: boolean;
    if (code < 128) {
      if (code >= 65 && code <= 90) code += 32;
      isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    } else {
      const point = text.codePointAt(i) ?? code;
      const char = String.fromCodePoint(point);
      if (point > 0xffff) i++;
      isWordChar = letterOrDigit.test(char);
      code = isWordChar ? (char.toLowerCase().codePointAt(0) ?? point) : point;
    }
    if (isWordChar) {
      if (!inWord) hash = fnvOffset;
      inWord = true;
      hash = Math.imul(hash ^ code, fnvPrime);
    } else if (inWord) {
      words.push(hash >>> 0);
      inWord = false;
    }
  }
  if (inWord) words.push(hash >>> 0);
  return words;
}

/** A 53-bit key of words[from, to): two independent 32-bit mixes, 32 + 21 bits of them. */
export function sequenceKey(words: readonly number[], from: number, to: number): number {
  let a = 0x9747b28c;
  let b = 0x85ebca6b;
  for (let i = from; i < to; i++) {
    const w = words[i] ?? 0;
    a = Math.imul(a ^ w, fnvPrime);
    b = Math.imul(b ^ w, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2_097_152 + (b >>> 11);
}

/**
 * A 30-bit key of words[from, to): small enough to be a V8 small integer, which makes a map of
 * them several times faster than one of 53-bit keys. For shingles, where a collision only adds
 * one shared shingle to a pair (about n²/2³¹ such pairs among n shingles).
 */
export function shortSequenceKey(words: readonly number[], from: number, to: number): number {
  let a = 0x9747b28c;
  for (let i = from; i < to; i++) {
    a = Math.imul(a ^ (words[i] ?? 0), 0x5bd1e995);
    a ^= a >>> 15;
  }
  return a >>> 2;
}

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;
const letterOrDigit = /^[\p{L}\p{N}]$/u;
