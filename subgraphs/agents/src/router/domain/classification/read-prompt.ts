import type { ItsFunction, PartOfSpeech } from 'wink-nlp';
import { englishNlp } from './english-nlp.js';

/** One token of a prompt as wink-nlp reads it. */
export interface PromptToken {
  readonly value: string;
  /** Lower-cased, contractions expanded. */
  readonly normal: string;
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  /** wink's token type: `word`, `number`, `punctuation`, `symbol`, `email`, `url` … */
  readonly type: string;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
}

export interface ReadPrompt {
  readonly tokens: readonly PromptToken[];
  readonly sentences: readonly string[];
}

/** Tokenises, tags and lemmatises `text` once, into plain data the scorers can share. */
export function readPrompt(text: string): ReadPrompt {
  const nlp = englishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens: PromptToken[] = [];
  const sentences: string[] = [];
  doc.sentences().each((sentence, index) => {
    sentences.push(sentence.out());
    const all = sentence.tokens();
    const values = all.out(its.value) as string[];
    const normals = all.out(its.normal) as string[];
    // wink's typings declare `its.lemma` with a parameter order `out` does not accept.
    const lemmas = all.out(its.lemma as unknown as ItsFunction<string>) as string[];
    const tags = all.out(its.pos) as PartOfSpeech[];
    const types = all.out(its.type) as string[];
    values.forEach((value, i) => {
      tokens.push({
        value,
        normal: normals[i] ?? value.toLowerCase(),
        lemma: lemmas[i] ?? value.toLowerCase(),
        pos: tags[i] ?? 'X',
        type: types[i] ?? 'word',
        sentence: index,
      });
    });
  });
  return { tokens, sentences };
}
