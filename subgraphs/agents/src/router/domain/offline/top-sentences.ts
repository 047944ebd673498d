import type { ItemSentence, ItsFunction } from 'wink-nlp';
import { englishNlp } from '../classification/english-nlp.js';

/** Sentences that only restate the request ("Summarise this report:") are not material. */
const INSTRUCTION =
  /\b(?:summari[sz]e|tl;? ?dr|recap|condense|sum up|gist|overview|summary|key points)\b/i;

/**
 * Extractive summary: scores each sentence by the mean document frequency of its content words
 * (a term-frequency summariser in the manner of Luhn, 1958) and returns the best `count` in
 * their original order.
 */
export function topSentences(text: string, count: number): { picked: string[]; of: number } {
  const nlp = englishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const sentences: { text: string; words: string[] }[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const out = sentence.out().trim();
    if (out === '' || INSTRUCTION.test(out)) return;
    const words = sentence
      .tokens()
      .filter(
        (token) =>
          token.out(its.type) === 'word' && !token.out(its.stopWordFlag as ItsFunction<boolean>),
      )
      .out(its.normal) as string[];
    sentences.push({ text: out, words });
  });
  const frequency = new Map<string, number>();
  for (const word of sentences.flatMap((sentence) => sentence.words)) {
    frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const scored = sentences.map((sentence, index) => ({
    index,
    text: sentence.text,
    score:
      sentence.words.length === 0
        ? 0
        : sentence.words.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) /
          sentence.words.length,
  }));
  const picked = [...scored]
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((sentence) => sentence.text);
  return { picked, of: sentences.length };
}
