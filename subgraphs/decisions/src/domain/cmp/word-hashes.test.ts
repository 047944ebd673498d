import { describe, expect, it } from 'vitest';
import { sequenceKey, wordHashes } from './word-hashes.js';

describe('wordHashes', () => {
  const cases: [string, string, string][] = [
    ['case and punctuation do not matter', 'Ship it, NOW!', 'ship it now'],
    ['runs of separators split once', '  ship -- it\n\tnow ', 'ship it now'],
    ['letters beyond ASCII are letters', 'Équipe über straße', 'équipe über straße'],
    ['digits are word characters', 'Q3 2025', 'q3 2025'],
    ['characters beyond the BMP are handled', 'go 𝐀 now', 'go 𝐀 now'],
  ];
  it.each(cases)('%s', (_name, text, same) => {
    expect(wordHashes(text)).toEqual(wordHashes(same));
  });

  it('tells different words apart and counts them', () => {
    expect(wordHashes('ship it now')).toHaveLength(3);
    expect(wordHashes('ship it later')).not.toEqual(wordHashes('ship it now'));
    expect(wordHashes('...')).toEqual([]);
  });
});

describe('sequenceKey', () => {
  it('depends on the words and their order, within 53 bits', () => {
    const words = wordHashes('a b c a b c');
    expect(sequenceKey(words, 0, 3)).toBe(sequenceKey(words, 3, 6));
    expect(sequenceKey(words, 0, 3)).not.toBe(sequenceKey(wordHashes('c b a'), 0, 3));
    expect(Number.isSafeInteger(sequenceKey(words, 0, 6))).toBe(true);
  });
});
