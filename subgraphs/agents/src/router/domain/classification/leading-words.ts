import type { PromptToken, ReadPrompt } from './read-prompt.js';

/** Words that may come before the instruction verb: "please", "can you", "I need you to" … */
const PREAMBLE = new Set(
  'please kindly can could would will you i we need want to help me us let just quickly now also then and so first next finally briefly'.split(
    ' ',
  ),
);

/**
 * The first word of each sentence once politeness and list numbering are skipped: in a request
 * that is the imperative verb ("Summarise …", "Can you extract …", "1. Plan …"). wink tags some
 * sentence-initial imperatives as nouns ("Recap", "List"), so the caller decides by its lemma.
 */
export function leadingWords(prompt: ReadPrompt): PromptToken[] {
  const found: PromptToken[] = [];
  let sentence = -1;
  let searching = false;
  for (const token of prompt.tokens) {
    if (token.sentence !== sentence) {
      sentence = token.sentence;
      searching = true;
    }
    if (!searching) continue;
    if (token.type !== 'word' || PREAMBLE.has(token.normal)) continue;
    found.push(token);
    searching = false;
  }
  return found;
}
