import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';

/** wink-nlp with its lite English model, plus the `its` helpers used to read documents. */
export type EnglishNlp = WinkMethods;

const require = createRequire(import.meta.url);
let instance: EnglishNlp | undefined;

/**
 * The shared wink-nlp instance (sentence boundaries, POS tags, entities, negation, sentiment).
 * The model is ~2 MB and takes ~300 ms to load, so it is required on first use rather than at
 * import, and only once per process.
 */
export function englishNlp(): EnglishNlp {
  if (instance === undefined) {
    const winkNLP = require('wink-nlp') as (model: Model, pipe?: string[]) => WinkMethods;
    const model = require('wink-eng-lite-web-model') as Model;
    instance = winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos', 'ner']);
  }
  return instance;
}
